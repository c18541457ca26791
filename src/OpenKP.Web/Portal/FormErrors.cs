using Microsoft.Extensions.Localization;
using OpenKP.Shared;

namespace OpenKP.Web.Portal;

/// <summary>
/// One problem with a form, ready to show: the field to fix, the stable code, the message in the reader's language,
/// and for a broken rule the rule's own words (<see cref="Detail"/>), which name the values involved.
/// </summary>
public sealed record FormError(string Field, string Code, string Message, string? Detail = null);

/// <summary>
/// Every problem with a submitted form, for the error summary at the top and the message beside each
/// field. Filled from the same <see cref="Violation"/>s the API returns, so the codes match.
/// </summary>
public sealed class FormErrors
{
    private readonly List<FormError> _errors = [];

    public bool Any => _errors.Count > 0;
    public IReadOnlyList<FormError> All => _errors;

    /// <summary>Adds the violations; <paramref name="form"/> names the form's own texts (<c>Error.{form}.{field}.{code}</c>), tried first.</summary>
    public void Add(IStringLocalizer localizer, IEnumerable<Violation> violations, string? form = null)
        => _errors.AddRange(violations.Select(v => new FormError(v.Field ?? string.Empty, v.Code, PortalText.Message(localizer, v, form))));

    /// <summary>
    /// Adds broken rules: the message in the reader's language, and the rule's own message beside it (in English,
    /// as the API gives it) when it says more, such as the latest expiry date or the number already reported.
    /// </summary>
    public void AddRules(IStringLocalizer localizer, IEnumerable<Violation> violations)
        => _errors.AddRange(violations.Select(v =>
        {
            var message = PortalText.Message(localizer, v);
            return new FormError(v.Field ?? string.Empty, v.Code, message, message == v.Message ? null : v.Message);
        }));

    public IReadOnlyList<FormError> For(string field) => [.. _errors.Where(e => e.Field == field)];

    public bool Has(string field) => _errors.Any(e => e.Field == field);
}
