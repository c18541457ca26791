using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenKP.Data;
using OpenKP.Notifications;
using OpenKP.Web.Tests.Infrastructure;

namespace OpenKP.Web.Tests.Notifications;

/// <summary>Test notices, and publishing one the way a module does: <c>Publish</c>, then the caller's save.</summary>
internal static class Notices
{
    public static Notice To(string subject, params Audience[] to) => new(
        NoticeTypes.CertificateIncoming, subject, "Certificate BW-2026-000042 for 120.50 ct is on its way to you.", "/certificates/42", to,
        new Dictionary<string, object?> { ["certificateNumber"] = "BW-2026-000042", ["carats"] = 120.50m });

    public static async Task PublishAsync(this OpenKpApp app, params Notice[] notices)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var notifier = scope.ServiceProvider.GetRequiredService<Notifier>();
        foreach (var notice in notices)
        {
            notifier.Publish(notice);
        }

        await scope.ServiceProvider.GetRequiredService<OpenKpDb>().SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>The company id of a demo participant's operator (<c>operator.bw</c>'s).</summary>
    public static Task<long> OperatorOf(this OpenKpApp app, string participant)
        => app.WithDb(db => db.Users.Where(u => u.UserName == "operator." + participant.ToLowerInvariant()).Select(u => u.OperatorId!.Value).SingleAsync());
}
