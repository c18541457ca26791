using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using OpenKP.Accounts;
using OpenKP.Data;
using OpenKP.Shared;

namespace OpenKP.Notifications;

/// <summary>
/// Who reads an inbox: the account's id, role and scope (participant, company), as the signed-in principal
/// carries them. A reader sees exactly the messages addressed to an audience they belong to.
/// </summary>
public sealed record InboxReader(string UserId, string? Role, string? Participant, long? OperatorId)
{
    public bool BelongsTo(Audience audience) => audience.Kind switch
    {
        AudienceKind.Authority => Role == Roles.AuthorityOfficer && Participant == audience.Participant?.ToUpperInvariant(),
        AudienceKind.Customs => Role == Roles.CustomsOfficer && Participant == audience.Participant?.ToUpperInvariant(),
        AudienceKind.Operator => OperatorId is not null && OperatorId == audience.OperatorId,
        AudienceKind.Secretariat => Role == Roles.Secretariat,
        AudienceKind.AllAuthorities => Role is Roles.AuthorityOfficer or Roles.Secretariat,
        _ => false,
    };
}

/// <summary>A message as its reader sees it; <c>read</c> is this reader's own read state.</summary>
public sealed record InboxMessageView(long Id, string Type, string Subject, string Body, string? Link, DateTime CreatedAt, bool Read);

/// <summary>
/// The in-app inbox: each reader's messages newest first, unread counts, and read markers per user.
/// Messages are stored once per notice (<see cref="InboxMessage"/>), not once per user.
/// </summary>
public sealed class Inbox(OpenKpDb db, TimeProvider clock)
{
    public async Task<Paged<InboxMessageView>> ListAsync(InboxReader reader, bool unreadOnly, int page, int pageSize, CancellationToken ct)
    {
        var query = Visible(reader);
        if (unreadOnly)
        {
            query = query.Where(m => !db.InboxReads.Any(r => r.MessageId == m.Id && r.UserId == reader.UserId));
        }

        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(m => new InboxMessageView(m.Id, m.Type, m.Subject, m.Body, m.Link, m.CreatedAt, db.InboxReads.Any(r => r.MessageId == m.Id && r.UserId == reader.UserId)))
            .ToListAsync(ct);
        return new Paged<InboxMessageView>(items, page, pageSize, total);
    }

    /// <summary>One count query: the reader's unread messages (the header's badge).</summary>
    public Task<int> UnreadCountAsync(InboxReader reader, CancellationToken ct)
        => Visible(reader).CountAsync(m => !db.InboxReads.Any(r => r.MessageId == m.Id && r.UserId == reader.UserId), ct);

    /// <summary>Marks one of the reader's messages read (again is fine); not found when the reader cannot see it.</summary>
    public async Task<Outcome<InboxMessageView>> MarkReadAsync(InboxReader reader, long id, CancellationToken ct)
    {
        var message = await Visible(reader).Where(m => m.Id == id)
            .Select(m => new InboxMessageView(m.Id, m.Type, m.Subject, m.Body, m.Link, m.CreatedAt, true)).SingleOrDefaultAsync(ct);
        if (message is null)
        {
            return Outcome<InboxMessageView>.NotFound(new(NotificationCodes.InboxMessageNotFound, $"There is no message {id} in your inbox.", "id"));
        }

        if (!await db.InboxReads.AnyAsync(r => r.MessageId == id && r.UserId == reader.UserId, ct))
        {
            db.InboxReads.Add(new InboxRead { MessageId = id, UserId = reader.UserId, ReadAt = clock.GetUtcNow().UtcDateTime });
            await SaveIgnoringDuplicatesAsync(ct);
        }

        return Outcome<InboxMessageView>.Success(message);
    }

    /// <summary>Marks every unread message of the reader read; how many were unread.</summary>
    public async Task<int> MarkAllReadAsync(InboxReader reader, CancellationToken ct)
    {
        var unread = await Visible(reader).Where(m => !db.InboxReads.Any(r => r.MessageId == m.Id && r.UserId == reader.UserId)).Select(m => m.Id).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        db.InboxReads.AddRange(unread.Select(id => new InboxRead { MessageId = id, UserId = reader.UserId, ReadAt = now }));
        await SaveIgnoringDuplicatesAsync(ct);
        return unread.Count;
    }

    private async Task SaveIgnoringDuplicatesAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // The same reader marked it read at the same moment elsewhere: it is read either way.
            db.ChangeTracker.Clear();
        }
    }

    private IQueryable<InboxMessage> Visible(InboxReader reader) => db.InboxMessages.AsNoTracking().Where(Addressed(reader));

    /// <summary>The SQL form of <see cref="InboxReader.BelongsTo"/>: a message with an audience the reader belongs to.</summary>
    private static Expression<Func<InboxMessage, bool>> Addressed(InboxReader reader)
    {
        var authority = reader.Role == Roles.AuthorityOfficer;
        var customs = reader.Role == Roles.CustomsOfficer;
        var secretariat = reader.Role == Roles.Secretariat;
        var participant = reader.Participant ?? string.Empty;
        var company = reader.OperatorId ?? -1;
        return m => m.Audiences.Any(a =>
            (authority && a.Kind == AudienceKind.Authority && a.Participant == participant)
            || (customs && a.Kind == AudienceKind.Customs && a.Participant == participant)
            || (a.Kind == AudienceKind.Operator && a.OperatorId == company)
            || (secretariat && a.Kind == AudienceKind.Secretariat)
            || ((authority || secretariat) && a.Kind == AudienceKind.AllAuthorities));
    }
}
