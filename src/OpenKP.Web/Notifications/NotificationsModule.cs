using OpenKP.Notifications;

namespace OpenKP.Web.Notifications;

internal static class NotificationsModule
{
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<RecipientCache>();
        services.AddScoped<Notifier>();
        services.AddScoped<Inbox>();
        services.AddScoped<Webhooks>();
        services.AddSingleton<IWebhookSecrets, DataProtectionWebhookSecrets>();
        services.Configure<WebhookOptions>(configuration.GetSection("OpenKP:Webhooks"));
        services.Configure<SmtpOptions>(configuration.GetSection("OpenKP:Smtp"));
        services.AddHttpClient(WebhookDispatcher.HttpClientName, c =>
            {
                c.Timeout = WebhookDispatcher.Timeout + TimeSpan.FromSeconds(5);
                c.DefaultRequestHeaders.UserAgent.ParseAdd("OpenKP-Webhooks/1");
            })
            // A redirect would send a signed event somewhere nobody registered: receivers answer, not redirect.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
        services.AddSingleton<WebhookDispatcher>();
        services.AddSingleton<MailSender>();
        if (configuration.GetSection("OpenKP:Webhooks").Get<WebhookOptions>()?.Enabled ?? true)
        {
            services.AddHostedService<NotificationWorker>();
        }

        return services;
    }

    public static WebApplication MapNotifications(this WebApplication app)
    {
        InboxEndpoints.Map(app);
        WebhookEndpoints.Map(app);
        return app;
    }
}
