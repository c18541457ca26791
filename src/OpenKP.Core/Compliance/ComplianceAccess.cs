namespace OpenKP.Compliance;

/// <summary>The kinds of reader compliance work distinguishes (item 8 of the compliance issue: who sees what).</summary>
public enum ComplianceRole
{
    /// <summary>Not signed in: adopted decisions, participants' status, published statistics.</summary>
    Public,
    /// <summary>The secretariat, acting also for the Chair and the working bodies: everything.</summary>
    Secretariat,
    /// <summary>An authority officer: its own participant's drafts and what the scheme shares with participants.</summary>
    Authority,
    /// <summary>An industry or civil-society observer: what the scheme shares with observers, never commercial certificate data.</summary>
    Observer,
    /// <summary>Customs officers and operators: compliance work is not theirs; they see what the public sees.</summary>
    Other,
}

/// <summary>
/// Who is reading or acting in compliance work, and the one place the rules of who sees what live, so the
/// API, the portal and the CLI decide alike:
/// <list type="bullet">
/// <item>the public (and customs officers, operators) sees adopted decisions only;</item>
/// <item>what the scheme shares (submitted annual reports and their assessment, reviews' final reports and
/// recommendations, meetings, working bodies, non-compliance cases) is seen by the secretariat, every
/// participant's authority officers and the observers;</item>
/// <item>drafts (a draft annual report, a review's draft report, a draft decision) are seen by the secretariat
/// and by the participant concerned (<see cref="ActsFor"/>);</item>
/// <item>the secretariat acts on everything; an authority officer acts for its own participant only.</item>
/// </list>
/// </summary>
public sealed record ComplianceReader(string? UserName, ComplianceRole Role, string? Participant = null, string? Observer = null)
{
    public static ComplianceReader Anonymous { get; } = new(null, ComplianceRole.Public);

    public bool IsSecretariat => Role == ComplianceRole.Secretariat;

    /// <summary>Sees what the scheme shares with participants and observers.</summary>
    public bool SeesShared => Role is ComplianceRole.Secretariat or ComplianceRole.Authority or ComplianceRole.Observer;

    /// <summary>May act for, and see the drafts of, <paramref name="participant"/>.</summary>
    public bool ActsFor(string participant) => IsSecretariat || (Role == ComplianceRole.Authority && string.Equals(Participant, participant, StringComparison.Ordinal));

    /// <summary>Who to attribute a change to.</summary>
    public string Name => UserName ?? "anonymous";
}
