using System.Net;
using System.Net.Http.Json;
using OpenKP.Notifications;
using OpenKP.Web.Tests.Infrastructure;

namespace OpenKP.Web.Tests.Notifications;

/// <summary>The inbox API: each account reads and marks only its own messages.</summary>
public sealed class InboxTests(OpenKpApp app) : IClassFixture<OpenKpApp>
{
    [Fact]
    public async Task An_officer_reads_unread_messages_newest_first_marks_them_read_and_the_count_follows()
    {
        var stamp = Guid.NewGuid().ToString("N")[..6];
        await app.PublishAsync(Notices.To("First " + stamp, Audience.Authority("ZA")));
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await app.PublishAsync(Notices.To("Second " + stamp, Audience.Authority("ZA")));

        var officer = await app.ClientFor("officer.za");
        var before = (await officer.GetJson("/api/inbox/unread-count")).GetProperty("unread").GetInt32();
        Assert.True(before >= 2);
        var unread = await officer.GetJson("/api/inbox?unread=true&pageSize=500");
        var mine = unread.GetProperty("items").EnumerateArray().Where(m => m.Str("subject").EndsWith(stamp, StringComparison.Ordinal)).ToList();
        Assert.Equal(["Second " + stamp, "First " + stamp], mine.Select(m => m.Str("subject")));
        Assert.All(mine, m => Assert.False(m.GetProperty("read").GetBoolean()));

        var first = mine[1].GetProperty("id").GetInt64();
        var read = await officer.PostJson($"/api/inbox/{first}/read", new { }, HttpStatusCode.OK);
        Assert.True(read.GetProperty("read").GetBoolean());
        await officer.PostJson($"/api/inbox/{first}/read", new { }, HttpStatusCode.OK); // again: still read, no error
        Assert.Equal(before - 1, (await officer.GetJson("/api/inbox/unread-count")).GetProperty("unread").GetInt32());
        var all = await officer.GetJson("/api/inbox?pageSize=500");
        Assert.True(all.GetProperty("items").EnumerateArray().Single(m => m.GetProperty("id").GetInt64() == first).GetProperty("read").GetBoolean());
        Assert.DoesNotContain((await officer.GetJson("/api/inbox?unread=true&pageSize=500")).GetProperty("items").EnumerateArray(), m => m.GetProperty("id").GetInt64() == first);

        // Accounts outside the audience cannot see the message, so cannot mark it either.
        var customs = await app.ClientFor("customs.za");
        Assert.Equal("inbox-message-not-found", (await customs.PostJson($"/api/inbox/{first}/read", new { }, HttpStatusCode.NotFound)).Str("code"));
        Assert.Equal("inbox-message-not-found", (await (await app.ClientFor("officer.ca")).PostJson($"/api/inbox/{first}/read", new { }, HttpStatusCode.NotFound)).Str("code"));

        var marked = await officer.PostJson("/api/inbox/read-all", new { }, HttpStatusCode.OK);
        Assert.Equal(before - 1, marked.GetProperty("marked").GetInt32());
        Assert.Equal(0, (await officer.GetJson("/api/inbox/unread-count")).GetProperty("unread").GetInt32());
        Assert.Empty((await officer.GetJson("/api/inbox?unread=true")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Read_state_belongs_to_each_account_of_an_audience()
    {
        var subject = "Secretariat and CA " + Guid.NewGuid().ToString("N")[..6];
        await app.PublishAsync(Notices.To(subject, Audience.AllAuthorities));
        var ca = await app.ClientFor("officer.ca");
        var id = (await ca.GetJson("/api/inbox?unread=true&pageSize=500")).GetProperty("items").EnumerateArray().Single(m => m.Str("subject") == subject).GetProperty("id").GetInt64();
        await ca.PostJson($"/api/inbox/{id}/read", new { }, HttpStatusCode.OK);

        var us = await (await app.ClientFor("officer.us")).GetJson("/api/inbox?unread=true&pageSize=500");
        Assert.Contains(us.GetProperty("items").EnumerateArray(), m => m.GetProperty("id").GetInt64() == id);
    }

    [Fact]
    public async Task Paging_is_checked_and_unknown_messages_are_not_found()
    {
        var officer = await app.ClientFor("officer.bw");
        Assert.Equal("invalid-page", (await officer.GetJson("/api/inbox?page=0", HttpStatusCode.BadRequest)).Str("code"));
        Assert.Equal("inbox-message-not-found", (await officer.PostJson("/api/inbox/99999999/read", new { }, HttpStatusCode.NotFound)).Str("code"));
    }

    [Fact]
    public async Task Anonymous_visitors_have_no_inbox()
    {
        var anonymous = await app.ClientFor(null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/inbox")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/inbox/unread-count")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/inbox/1/read", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/inbox/read-all", new { })).StatusCode);
    }
}
