using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OpenKP.Data;

namespace OpenKP.Audit;

/// <summary>The result of checking the chain: intact, or the first row whose hash does not hold.</summary>
public sealed record AuditVerification(bool Intact, long RowsChecked, long? FirstBrokenId, string? Reason);

/// <summary>Hashes audit rows and checks the chain.</summary>
public static class AuditChain
{
    /// <summary>The hash the first row chains to.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string ComputeHash(AuditEntry e)
    {
        var canonical = string.Join('\u001f',
            e.PreviousHash,
            e.Id.ToString(CultureInfo.InvariantCulture),
            e.At.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
            e.UserName,
            e.Role ?? string.Empty,
            e.Participant ?? string.Empty,
            e.Action,
            e.Entity,
            e.EntityKey,
            e.Before ?? string.Empty,
            e.After ?? string.Empty);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>Walks the whole chain in id order, in pages, and names the first broken row.</summary>
    public static async Task<AuditVerification> VerifyAsync(OpenKpDb db, CancellationToken ct = default)
    {
        var previous = Genesis;
        long checkedRows = 0;
        long lastId = 0;
        while (true)
        {
            var page = await db.AuditEntries.AsNoTracking()
                .Where(e => e.Id > lastId).OrderBy(e => e.Id).Take(1000).ToListAsync(ct);
            if (page.Count == 0)
            {
                return new AuditVerification(true, checkedRows, null, null);
            }

            foreach (var row in page)
            {
                if (row.PreviousHash != previous)
                {
                    return new AuditVerification(false, checkedRows, row.Id, "its previous-hash does not match the row before it (a row was removed or changed)");
                }

                if (ComputeHash(row) != row.Hash)
                {
                    return new AuditVerification(false, checkedRows, row.Id, "its content does not match its hash (the row was changed)");
                }

                previous = row.Hash;
                checkedRows++;
                lastId = row.Id;
            }
        }
    }
}
