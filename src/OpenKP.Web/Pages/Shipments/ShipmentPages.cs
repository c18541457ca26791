using System.Globalization;
using Microsoft.Extensions.Localization;
using OpenKP.Shared;
using OpenKP.Web.Portal;

namespace OpenKP.Web.Pages.Shipments;

/// <summary>What the shipments loop's pages share: the HTTP status of a refused outcome, the page number, resource keys.</summary>
internal static class ShipmentPages
{
    /// <summary>The TempData key of the confirmation shown once after an action on these pages.</summary>
    public const string NoticeKey = "Shipments.Notice";

    /// <summary>Uploads (attachments, evidence) carry a file of <see cref="OpenKP.Shipments.FileStore.MaxBytes"/> and the form around it.</summary>
    public const long MaxUploadBytes = OpenKP.Shipments.FileStore.MaxBytes + (256 * 1024);

    /// <summary>
    /// The <c>page</c> query value (1 when absent), or null when it is not a page number. Read by hand: "page" is also
    /// the route value naming the Razor page, which model binding would pick first.
    /// </summary>
    public static int? PageNumber(HttpRequest request)
    {
        if (!request.Query.TryGetValue("page", out var raw))
        {
            return 1;
        }

        return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page is >= 1 and <= 100_000 ? page : null;
    }

    /// <summary>A number typed in a form: null when blank, <c>invalid-number</c> on the field when it is not a whole number.</summary>
    public static int? WholeNumber(Input input, string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }

        input.Add(InputCodes.InvalidNumber, $"'{text}' is not a whole number.", field);
        return -1;
    }

    /// <summary>
    /// The violations of one parse, each field once: a value typed badly is reported as <c>invalid-number</c> only,
    /// not again as out of range (the API gets numbers and never sees the first).
    /// </summary>
    public static IEnumerable<Violation> OncePerField(IEnumerable<Violation> violations)
    {
        var list = violations.ToList();
        var badNumbers = list.Where(v => v.Code == InputCodes.InvalidNumber).Select(v => v.Field).ToHashSet();
        return list.Where(v => v.Code == InputCodes.InvalidNumber || !badNumbers.Contains(v.Field));
    }

    /// <summary>A code (discrepancy, verification reason) in the reader's language: its <c>Error.{code}</c> text, else the code.</summary>
    public static string Explain(IStringLocalizer localizer, string code) => PortalText.Message(localizer, new Violation(code, code));

    public static string ApplicationStatusKey(string status) => "ApplicationStatus." + status;

    public static string ShipmentStatusKey(string status) => "ShipmentStatus." + status;

    public static string AttachmentKindKey(string kind) => "AttachmentKind." + kind;

    public static string ResolutionKey(string resolution) => "CaseResolution." + resolution;

    public static string OverdueReasonKey(string reason) => "OverdueReason." + reason;

    /// <summary>A size in bytes for people: 812 B, 14 KB, 2.4 MB.</summary>
    public static string Size(long bytes) => bytes switch
    {
        < 1024 => bytes.ToString(CultureInfo.CurrentCulture) + " B",
        < 1024 * 1024 => (bytes / 1024m).ToString("0", CultureInfo.CurrentCulture) + " KB",
        _ => (bytes / (1024m * 1024m)).ToString("0.0", CultureInfo.CurrentCulture) + " MB",
    };

    /// <summary>The shipment's page.</summary>
    public static string ShipmentLink(string number) => "/shipments/" + Uri.EscapeDataString(number);
}
