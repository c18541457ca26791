namespace OpenKP.Compliance;

/// <summary>A working group or committee of the scheme, named by a stable lower-case code.</summary>
public sealed record WorkingBody(string Code, string NameEn, string NameFr);

/// <summary>The KP's working bodies (reference §6): the codes are stable and stored with memberships and outcomes.</summary>
public static class WorkingBodies
{
    public static WorkingBody Monitoring { get; } = new("wgm", "Working Group on Monitoring", "Groupe de travail sur le suivi");
    public static WorkingBody Statistics { get; } = new("wgs", "Working Group on Statistics", "Groupe de travail sur les statistiques");
    public static WorkingBody DiamondExperts { get; } = new("wgde", "Working Group of Diamond Experts", "Groupe de travail des experts diamantaires");
    public static WorkingBody ArtisanalAlluvial { get; } = new("wgaap", "Working Group on Artisanal and Alluvial Production", "Groupe de travail sur la production artisanale et alluviale");
    public static WorkingBody Participation { get; } = new("cpc", "Committee on Participation and Chairmanship", "Comité de participation et de présidence");
    public static WorkingBody RulesAndProcedures { get; } = new("crp", "Committee on Rules and Procedures", "Comité des règles et procédures");
    public static WorkingBody ReviewAndReform { get; } = new("ahcrr", "Ad Hoc Committee on Review and Reform", "Comité ad hoc sur l'examen et la réforme");

    public static IReadOnlyList<WorkingBody> All { get; } = [Monitoring, Statistics, DiamondExperts, ArtisanalAlluvial, Participation, RulesAndProcedures, ReviewAndReform];

    public static WorkingBody? Find(string? code) => All.FirstOrDefault(b => string.Equals(b.Code, code, StringComparison.OrdinalIgnoreCase));
}

/// <summary>The Chair and Vice-Chair of the scheme for a calendar year (the Vice-Chair normally chairs the next year).</summary>
public sealed class Chairmanship
{
    /// <summary>The calendar year of the chairmanship (the key).</summary>
    public int Year { get; set; }
    public required string ChairParticipantCode { get; set; }
    public string? ViceChairParticipantCode { get; set; }
    /// <summary>The person who chairs, if recorded.</summary>
    public string? ChairPerson { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}

/// <summary>What sits on a working body: a participant or an observer organisation.</summary>
public enum BodyMemberKind
{
    Participant,
    Observer,
}

public enum BodyRole
{
    Chair,
    ViceChair,
    Member,
}

/// <summary>A member of a working body for a year, with its role and term [From, EndsOn).</summary>
public sealed class BodyMembership
{
    public long Id { get; set; }
    public required string BodyCode { get; set; }
    public int Year { get; set; }
    public BodyMemberKind MemberKind { get; set; }
    /// <summary>Set when <see cref="MemberKind"/> is <see cref="BodyMemberKind.Participant"/>.</summary>
    public string? ParticipantCode { get; set; }
    /// <summary>Set when <see cref="MemberKind"/> is <see cref="BodyMemberKind.Observer"/> (an <see cref="Registry.Observer"/>'s name).</summary>
    public string? ObserverName { get; set; }
    public BodyRole Role { get; set; }
    public DateOnly From { get; set; }
    public DateOnly? EndsOn { get; set; }
}

/// <summary>What a working body reported as its outcomes for a year (it feeds the Chair's report).</summary>
public sealed class BodyOutcome
{
    public long Id { get; set; }
    public required string BodyCode { get; set; }
    public int Year { get; set; }
    public required string Text { get; set; }
    public required string UpdatedBy { get; set; }
    public DateTime UpdatedAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}
