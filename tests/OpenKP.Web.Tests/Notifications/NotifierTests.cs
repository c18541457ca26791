using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenKP.Data;
using OpenKP.Notifications;
using OpenKP.Shipments;
using OpenKP.Web.Notifications;
using OpenKP.Web.Shipments;
using OpenKP.Web.Tests.Infrastructure;

namespace OpenKP.Web.Tests.Notifications;

/// <summary>Publishing a notice: rows for exactly the audiences' users, committed with the caller's save or not at all.</summary>
public sealed class NotifierTests(OpenKpApp app) : IClassFixture<OpenKpApp>
{
    private async Task<bool> Sees(string user, string subject)
    {
        var inbox = await (await app.ClientFor(user)).GetJson("/api/inbox?pageSize=500");
        return inbox.GetProperty("items").EnumerateArray().Any(m => m.Str("subject") == subject);
    }

    [Fact]
    public async Task A_notice_reaches_exactly_the_users_of_its_audiences()
    {
        var subject = "Incoming to BW officers, AE customs and BW's company " + Guid.NewGuid().ToString("N")[..6];
        var company = await app.OperatorOf("BW");
        await app.PublishAsync(Notices.To(subject, Audience.Authority("BW"), Audience.Customs("ae"), Audience.Operator(company)));

        foreach (var user in new[] { "officer.bw", "officer2.bw", "customs.ae", "operator.bw" })
        {
            Assert.True(await Sees(user, subject), $"{user} should see the message");
        }

        foreach (var user in new[] { "customs.bw", "officer.ae", "operator.ae", "customs.za", "officer.za", "secretariat", "observer.wdc" })
        {
            Assert.False(await Sees(user, subject), $"{user} should not see the message");
        }

        var emails = await app.WithDb(db => db.EmailMessages.Where(m => m.Subject == subject).Select(m => m.ToAddress).OrderBy(a => a).ToListAsync());
        Assert.Equal(["customs.ae@demo.openkp.example", "officer.bw@demo.openkp.example", "officer2.bw@demo.openkp.example", "operator.bw@demo.openkp.example"], emails);
    }

    [Fact]
    public async Task The_secretariat_audience_and_all_authorities_reach_the_secretariat_and_every_authority_officer_only()
    {
        var subject = "To every authority " + Guid.NewGuid().ToString("N")[..6];
        await app.PublishAsync(Notices.To(subject, Audience.AllAuthorities, Audience.Secretariat));
        foreach (var (code, _, _, _) in OpenKP.Web.Accounts.DemoSeeder.Participants)
        {
            Assert.True(await Sees("officer." + code.ToLowerInvariant(), subject), $"officer.{code} should see it");
        }

        Assert.True(await Sees("secretariat", subject));
        Assert.False(await Sees("customs.bw", subject));
        Assert.False(await Sees("operator.bw", subject));
        // AllAuthorities and Secretariat together: one message, one e-mail per person.
        Assert.Equal(1, (await (await app.ClientFor("secretariat")).GetJson("/api/inbox?pageSize=500")).GetProperty("items").EnumerateArray().Count(m => m.Str("subject") == subject));
        Assert.Equal(DemoSeederCount + 1, await app.WithDb(db => db.EmailMessages.CountAsync(m => m.Subject == subject)));
    }

    /// <summary>The demo authority officers: one per demo participant, and Botswana's second officer (four eyes).</summary>
    private static int DemoSeederCount => OpenKP.Web.Accounts.DemoSeeder.Participants.Count + 1;

    [Fact]
    public async Task A_save_that_fails_or_is_rolled_back_leaves_no_event_no_message_and_no_email()
    {
        var failed = "Never committed (failed save) " + Guid.NewGuid().ToString("N")[..6];
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OpenKpDb>();
            scope.ServiceProvider.GetRequiredService<Notifier>().Publish(Notices.To(failed, Audience.Authority("BW")));
            // The caller's own change breaks a constraint: an acknowledgement of an alert that does not exist.
            db.AlertAcknowledgements.Add(new AlertAcknowledgement { AlertId = 987_654_321, ParticipantCode = "BW", AcknowledgedBy = "officer.bw", AcknowledgedAt = OpenKpApp.Today.UtcDateTime });
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(TestContext.Current.CancellationToken));
        }

        var rolledBack = "Never committed (rolled back) " + Guid.NewGuid().ToString("N")[..6];
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OpenKpDb>();
            await using var transaction = await db.Database.BeginTransactionAsync(TestContext.Current.CancellationToken);
            scope.ServiceProvider.GetRequiredService<Notifier>().Publish(Notices.To(rolledBack, Audience.Authority("BW")));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            Assert.Equal(1, await db.InboxMessages.CountAsync(m => m.Subject == rolledBack, TestContext.Current.CancellationToken));
            await transaction.RollbackAsync(TestContext.Current.CancellationToken);
        }

        foreach (var subject in new[] { failed, rolledBack })
        {
            Assert.Equal(0, await app.WithDb(db => db.InboxMessages.CountAsync(m => m.Subject == subject)));
            Assert.Equal(0, await app.WithDb(db => db.EmailMessages.CountAsync(m => m.Subject == subject)));
            Assert.False(await Sees("officer.bw", subject));
        }

        var events = await app.WithDb(db => db.OutboxEvents.Where(e => e.Type == NoticeTypes.CertificateIncoming).Select(e => e.Payload).ToListAsync());
        Assert.DoesNotContain(events, p => p.Contains("Never committed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Publishing_the_same_notice_twice_makes_two_events()
    {
        var subject = "Twice " + Guid.NewGuid().ToString("N")[..6];
        var notice = Notices.To(subject, Audience.Authority("IN"));
        await app.PublishAsync(notice, notice);
        var ids = await app.WithDb(db => db.InboxMessages.Where(m => m.Subject == subject).Select(m => m.EventId).ToListAsync());
        Assert.Equal(2, ids.Distinct().Count());
        Assert.Equal(2, await app.WithDb(db => db.OutboxEvents.CountAsync(e => ids.Contains(e.EventId))));
    }

    [Fact]
    public async Task A_raised_alert_reaches_every_authority_officers_inbox_in_the_same_transaction()
    {
        var subject = "Forged certificates at Lobatse " + Guid.NewGuid().ToString("N")[..6];
        var raised = await (await app.ClientFor("customs.za")).PostJson("/api/alerts",
            new RaiseAlertRequest("fraudulent-certificate", subject, "QR fails verification: key-unknown.", "BW-2026-000777"), HttpStatusCode.Created);
        var id = raised.GetProperty("id").GetInt64();

        foreach (var (code, _, _, _) in OpenKP.Web.Accounts.DemoSeeder.Participants)
        {
            var inbox = await (await app.ClientFor("officer." + code.ToLowerInvariant())).GetJson("/api/inbox?unread=true&pageSize=500");
            var message = inbox.GetProperty("items").EnumerateArray().Single(m => m.Str("subject").EndsWith(subject, StringComparison.Ordinal));
            Assert.Equal("alert.raised", message.Str("type"));
            Assert.Equal($"/alerts#alert-{id}", message.Str("link"));
        }

        Assert.True(await Sees("secretariat", "Alert from ZA: " + subject));
        var payload = await app.WithDb(db => db.OutboxEvents.Where(e => e.Type == NoticeTypes.AlertRaised).Select(e => e.Payload).ToListAsync());
        var json = System.Text.Json.JsonDocument.Parse(payload.Single(p => p.Contains(subject, StringComparison.Ordinal))).RootElement;
        Assert.Equal(id, json.GetProperty("data").GetProperty("alertId").GetInt64());
        Assert.Equal("fraudulent-certificate", json.GetProperty("data").Str("kind"));
        Assert.Equal("alert.raised", json.Str("type"));
        Assert.True(Guid.TryParse(json.Str("id"), out _));
    }

    [Fact]
    public async Task In_demo_mode_an_email_is_written_as_an_eml_file_in_the_data_directory()
    {
        var subject = "E-mail check " + Guid.NewGuid().ToString("N")[..6];
        await app.PublishAsync(Notices.To(subject, Audience.Customs("CA")));
        var sender = app.Services.GetRequiredService<MailSender>();
        Assert.False(sender.UsesSmtp);
        // Demo start-up has e-mails of its own (the demo certificates' notices): send until none is due.
        var sent = 0;
        for (var batch = await sender.SendDueAsync(TestContext.Current.CancellationToken); batch > 0; batch = await sender.SendDueAsync(TestContext.Current.CancellationToken))
        {
            sent += batch;
        }

        Assert.True(sent >= 1);

        var folder = Path.Combine(app.DataDirectory, "mail");
        var file = Assert.Single(Directory.GetFiles(folder, "*.eml"), f => File.ReadAllText(f).Contains(subject, StringComparison.Ordinal));
        var text = await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken);
        Assert.Matches(@"(?m)^To: ""?Customs officer, CA""? <customs\.ca@demo\.openkp\.example>\r?$", text);
        Assert.Matches($@"(?m)^Subject: {subject}\r?$", text);
        Assert.Contains("/certificates/42", text, StringComparison.Ordinal);
        Assert.Equal(DeliveryStatus.Delivered, await app.WithDb(db => db.EmailMessages.Where(m => m.Subject == subject).Select(m => m.Status).SingleAsync()));

        // Sent once: the next pass finds nothing more for it.
        await sender.SendDueAsync(TestContext.Current.CancellationToken);
        Assert.Single(Directory.GetFiles(folder, "*.eml"), f => File.ReadAllText(f).Contains(subject, StringComparison.Ordinal));
    }
}
