using Microsoft.EntityFrameworkCore;
using OpenKP.Audit;
using OpenKP.Compliance;
using OpenKP.Registry;
using OpenKP.Web.Tests.Infrastructure;

namespace OpenKP.Web.Tests.Compliance;

/// <summary>Adoption is the one door by which a decision changes the registry, dated on its effective day and linked back.</summary>
public sealed class DecisionAdoptionTests(OpenKpApp app) : IClassFixture<OpenKpApp>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(OpenKpApp.Today.UtcDateTime);

    [Fact]
    public async Task A_suspension_adopted_for_a_future_day_changes_trade_permission_from_that_day_and_links_back()
    {
        var effective = Today.AddDays(30);
        var decision = await app.WithDb(async db =>
        {
            var desk = new DecisionDesk(db, new SystemActor("secretariat"), app.Clock);
            var draft = await desk.DraftAsync(new NewDecision("Suspension of Angola", "Angola is suspended.", DecisionProcedure.PlenaryConsensus,
                Effects: [new NewDecisionEffect(DecisionEffectKind.StatusChange, "ao", ParticipantStatus.Suspended, Note: "Suspended pending review")]));
            Assert.True(draft.Succeeded, string.Join(", ", draft.Violations.Select(v => v.Code)));
            var adopted = await desk.AdoptAsync(draft.Value!.Id, new DecisionAdoption(EffectiveOn: effective), draft.Value.Version);
            Assert.True(adopted.Succeeded, string.Join(", ", adopted.Violations.Select(v => v.Code)));
            return adopted.Value!;
        });

        Assert.Equal($"AD/{Today.Year}/01", decision.Number);
        await app.WithDb(async db =>
        {
            var ev = await db.StatusEvents.SingleAsync(e => e.Decision.DecisionId == decision.Id);
            Assert.Equal(("AO", effective, ParticipantStatus.Suspended), (ev.ParticipantCode, ev.EffectiveOn, ev.Status));
            var directory = new ParticipantDirectory(db);
            Assert.True((await directory.StandingOnAsync("AO", effective.AddDays(-1))).MayTrade);
            Assert.False((await directory.StandingOnAsync("AO", effective)).MayTrade);
            return 0;
        });
    }

    [Fact]
    public async Task Adoption_refuses_an_effective_day_before_adoption_and_a_stale_version_and_writes_nothing()
    {
        await app.WithDb(async db =>
        {
            var desk = new DecisionDesk(db, new SystemActor("secretariat"), app.Clock);
            var draft = (await desk.DraftAsync(new NewDecision("Zone", "A compliant zone.", DecisionProcedure.PlenaryConsensus,
                Effects: [new NewDecisionEffect(DecisionEffectKind.CompliantZone, "CF", ZoneName: "Berberati")]))).Value!;
            var early = await desk.AdoptAsync(draft.Id, new DecisionAdoption(Today, Today.AddDays(-1)), draft.Version);
            Assert.Equal([DecisionCodes.EffectiveBeforeAdoption], early.Violations.Select(v => v.Code));
            var stale = await desk.AdoptAsync(draft.Id, new DecisionAdoption(), Guid.NewGuid());
            Assert.Equal(OpenKP.Shared.OutcomeKind.Conflict, stale.Kind);
            Assert.False(await db.Zones.AnyAsync(z => z.DecisionId == draft.Id));
            return 0;
        });
    }

    [Fact]
    public async Task Drafting_reports_every_broken_rule_at_once()
    {
        await app.WithDb(async db =>
        {
            var desk = new DecisionDesk(db, new SystemActor("secretariat"), app.Clock);
            var draft = await desk.DraftAsync(new NewDecision(" ", "", DecisionProcedure.PlenaryVote, MeetingId: 999, WorkingBodyCode: "nope",
                Effects: [new NewDecisionEffect(DecisionEffectKind.StatusChange, "QQ"), new NewDecisionEffect(DecisionEffectKind.StatusChange, "ZW", ParticipantStatus.SpecialMeasures), new NewDecisionEffect(DecisionEffectKind.Embargo, "1x"),
                    new NewDecisionEffect(DecisionEffectKind.StatusChange, "AO", ParticipantStatus.Suspended, EndsOn: Today.AddDays(90))]));
            Assert.Equal(
                [DecisionCodes.TitleRequired, DecisionCodes.TextRequired, DecisionCodes.MeetingNotFound, DecisionCodes.WorkingBodyUnknown, DecisionCodes.EffectParticipantUnknown, DecisionCodes.EffectStatusRequired, DecisionCodes.EffectScopeRequired, DecisionCodes.EffectOriginInvalid, DecisionCodes.EffectStatusHasNoEnd],
                draft.Violations.Select(v => v.Code));
            return 0;
        });
    }

    [Fact]
    public async Task A_decision_is_adopted_today_or_earlier_and_a_written_procedure_only_once_its_deadline_has_passed()
    {
        await app.WithDb(async db =>
        {
            var desk = new DecisionDesk(db, new SystemActor("secretariat"), app.Clock);
            var plenary = (await desk.DraftAsync(new NewDecision("Later", "Dated ahead.", DecisionProcedure.PlenaryConsensus))).Value!;
            var ahead = await desk.AdoptAsync(plenary.Id, new DecisionAdoption(Today.AddDays(1)), plenary.Version);
            Assert.Equal([DecisionCodes.AdoptedInFuture], ahead.Violations.Select(v => v.Code));

            var written = (await desk.DraftAsync(new NewDecision("Silence", "By written procedure.", DecisionProcedure.WrittenProcedure))).Value!;
            var opened = (await desk.OpenWrittenProcedureAsync(written.Id, Today.AddDays(5), written.Version)).Value!;
            // Naming a day after the deadline does not close the procedure early: today decides.
            var early = await desk.AdoptAsync(opened.Id, new DecisionAdoption(Today, Today.AddDays(10)), opened.Version);
            Assert.Equal([DecisionCodes.WrittenProcedureRunning], early.Violations.Select(v => v.Code));
            Assert.Null((await db.Decisions.AsNoTracking().SingleAsync(d => d.Id == opened.Id)).Number);
            return 0;
        });
    }

    [Fact]
    public async Task A_status_change_for_a_participant_that_has_left_the_scheme_is_not_adopted()
    {
        await app.WithDb(async db =>
        {
            var desk = new DecisionDesk(db, new SystemActor("secretariat"), app.Clock);
            // Croatia left the scheme when it joined the European Union (2013).
            var draft = (await desk.DraftAsync(new NewDecision("Suspension of Croatia", "Suspended.", DecisionProcedure.PlenaryConsensus,
                Effects: [new NewDecisionEffect(DecisionEffectKind.StatusChange, "HR", ParticipantStatus.Suspended)]))).Value!;
            var adopted = await desk.AdoptAsync(draft.Id, new DecisionAdoption(), draft.Version);
            Assert.Equal([DecisionCodes.EffectParticipantWithdrawn], adopted.Violations.Select(v => v.Code));
            Assert.False(await db.StatusEvents.AnyAsync(e => e.Decision.DecisionId == draft.Id));
            return 0;
        });
    }
}
