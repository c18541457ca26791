using OpenKP.Shared;
using OpenKP.Statistics;
using OpenKP.Statistics.Intake;

namespace OpenKP.Web.Statistics;

/// <summary>A bad row of an upload: the row as the user sees it in the file (the header is row 1), the column, a stable code and what to fix.</summary>
public sealed record RowProblemView(int Row, string Column, string Code, string Message)
{
    public static RowProblemView Of(RowProblem p) => new(p.Row, p.Column, p.Code, p.Message);
}

/// <summary>Carats and US$ in units, and the number of certificates.</summary>
public sealed record TotalView(decimal Carats, decimal Usd, int Certificates)
{
    public static TotalView Of(TradeTotal t) => new(t.Carats / 100m, t.Usd / 100m, t.Certificates);
}

public sealed record SubmittedFigureView(string Flow, string Partner, string HsCode, decimal Carats, decimal Usd, int Certificates);

public sealed record SubmittedRecordView(string Flow, string CertificateNumber, string Partner, DateOnly Date, string? Origin, string HsCode, decimal Carats, decimal Usd, int? Stones);

/// <summary>
/// What an uploaded quarter holds: with <c>valid</c> true it can be committed as it is; otherwise
/// <c>problems</c> lists every bad row. Nothing is saved by a preview.
/// </summary>
public sealed record TradePreviewView(
    string Participant, string Quarter, string Kind, string Format, string? FileName, string Sha256, bool Valid, int Rows,
    TotalView Exports, TotalView Imports, IReadOnlyList<SubmittedFigureView> Figures, IReadOnlyList<SubmittedRecordView> Records, IReadOnlyList<RowProblemView> Problems)
{
    public static TradePreviewView Of(TradePreview p) => new(
        p.Participant, p.Quarter.ToString(), Input.Kebab(p.Kind), Input.Kebab(p.Format), p.FileName, p.Sha256, p.Problems.Count == 0, p.RowCount,
        TotalView.Of(p.Total(TradeFlow.Export)), TotalView.Of(p.Total(TradeFlow.Import)),
        [.. p.Figures.Select(f => new SubmittedFigureView(Input.Kebab(f.Flow), f.Partner, f.HsCode, f.CaratsHundredths / 100m, f.UsdCents / 100m, f.Certificates))],
        [.. p.Records.Select(r => new SubmittedRecordView(Input.Kebab(r.Flow), r.CertificateNumber, r.Partner, r.Date, r.Origin, r.HsCode, r.CaratsHundredths / 100m, r.UsdCents / 100m, r.Stones))],
        [.. p.Problems.Select(RowProblemView.Of)]);
}

/// <summary>One revision of an uploaded quarter: who sent which file when, and its totals; <c>download</c> gives the file back.</summary>
public sealed record TradeRevisionView(
    long Id, string Participant, string Quarter, int Revision, string Kind, string? FileName, string? Sha256, string? Note, string SubmittedBy, DateTime SubmittedAt,
    int Rows, TotalView Exports, TotalView Imports, string? Download)
{
    public static TradeRevisionView Of(TradeRevision r) => new(
        r.Id, r.Participant, r.Quarter.ToString(), r.Revision, Input.Kebab(r.Kind), r.FileName, r.Sha256, r.Note, r.SubmittedBy, r.SubmittedAt, r.Rows,
        TotalView.Of(r.Exports), TotalView.Of(r.Imports), r.Sha256 is null ? null : $"/api/participants/{r.Participant}/trade-submissions/{r.Id}/file");
}

/// <summary>A period's due date and status: due, late, submitted, submitted-late, or derived (trade from the certificates, nothing owed).</summary>
public sealed record PeriodStatusView(string Period, DateOnly DueOn, string Status, int? Revision, DateTime? FirstSubmittedAt, DateTime? LastSubmittedAt, string? LastSubmittedBy)
{
    public static PeriodStatusView Of(PeriodStatus p) => new(p.Period, p.DueOn, Input.Kebab(p.Status), p.Revision, p.FirstSubmittedAt, p.LastSubmittedAt, p.LastSubmittedBy);
}

/// <summary>A participant's trade quarters of a year; <c>uploadsTrade</c> false means its figures are derived from the certificates.</summary>
public sealed record TradeQuartersView(string Participant, int Year, bool UploadsTrade, IReadOnlyList<PeriodStatusView> Quarters, IReadOnlyList<TradeRevisionView> Revisions);

public sealed record ProductionLineView(string MiningType, string? HsCode, decimal Carats, decimal Usd)
{
    public static ProductionLineView Of(ProductionLine l) => new(Input.Kebab(l.MiningType), l.HsCode, l.CaratsHundredths / 100m, l.UsdCents / 100m);
}

/// <summary>A production return as checked (preview) or saved: lines, totals and every bad line.</summary>
public sealed record ProductionPreviewView(
    string Participant, string Half, string Source, string? Format, string? FileName, bool Valid, decimal Carats, decimal Usd,
    IReadOnlyList<ProductionLineView> Lines, IReadOnlyList<RowProblemView> Problems)
{
    public static ProductionPreviewView Of(ProductionPreview p) => new(
        p.Participant, p.Half.ToString(), Input.Kebab(p.Source), p.Format is { } f ? Input.Kebab(f) : null, p.FileName, p.Problems.Count == 0,
        p.Carats / 100m, p.Usd / 100m, [.. p.Lines.Select(ProductionLineView.Of)], [.. p.Problems.Select(RowProblemView.Of)]);
}

public sealed record ProductionRevisionView(
    long Id, string Participant, string Half, int Revision, string Source, string? Note, string SubmittedBy, DateTime SubmittedAt, decimal Carats, decimal Usd, IReadOnlyList<ProductionLineView> Lines)
{
    public static ProductionRevisionView Of(ProductionRevision r) => new(
        r.Id, r.Participant, r.Half.ToString(), r.Revision, Input.Kebab(r.Source), r.Note, r.SubmittedBy, r.SubmittedAt, r.Carats / 100m, r.Usd / 100m,
        [.. r.Lines.Select(ProductionLineView.Of)]);
}

/// <summary>A participant's production halves of a year with their statuses, and every revision.</summary>
public sealed record ProductionYearView(string Participant, int Year, IReadOnlyList<PeriodStatusView> Halves, IReadOnlyList<ProductionRevisionView> Revisions);

/// <summary>One participant's row of the secretariat's overview.</summary>
public sealed record SubmissionStatusView(string Participant, int Year, bool UploadsTrade, int Late, IReadOnlyList<PeriodStatusView> Quarters, IReadOnlyList<PeriodStatusView> Halves)
{
    public static SubmissionStatusView Of(ParticipantSubmissions s) => new(
        s.Participant, s.Year, s.UploadsTrade, s.LateCount, [.. s.Quarters.Select(PeriodStatusView.Of)], [.. s.Halves.Select(PeriodStatusView.Of)]);
}

/// <summary>A production return typed in: the half year, its lines (none for a nil return), and a note.</summary>
public sealed record ProductionReturnRequest(int? Year, int? Half, IReadOnlyList<ProductionLineRequest>? Lines, string? Note);

/// <summary>A line: mining type industrial or artisanal-alluvial, optional HS code, carats and US$ (at most two decimals).</summary>
public sealed record ProductionLineRequest(string? MiningType, string? HsCode, decimal? Carats, decimal? Usd);
