using Microsoft.AspNetCore.DataProtection;
using OpenKP.Notifications;

namespace OpenKP.Web.Notifications;

/// <summary>Webhook secrets encrypted with ASP.NET Core Data Protection (keys in <c>{data}/keys/data-protection</c>).</summary>
internal sealed class DataProtectionWebhookSecrets(IDataProtectionProvider provider) : IWebhookSecrets
{
    private readonly IDataProtector _protector = provider.CreateProtector("OpenKP.Webhooks.Secrets.v1");

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);
}
