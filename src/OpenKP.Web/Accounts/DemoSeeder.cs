using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenKP.Accounts;
using OpenKP.Data;
using OpenKP.Registry;

namespace OpenKP.Web.Accounts;

/// <summary>
/// Demo mode only: authorities, one licensed exporter-and-importer company per demo participant, and
/// the demo accounts of the README, all with the password <see cref="Password"/>.
/// </summary>
internal sealed class DemoSeeder(OpenKpDb db, UserManager<OpenKpUser> users, RoleManager<IdentityRole> roles)
{
    public const string Password = "openkp-demo";

    /// <summary>Botswana's demo four-eyes threshold: US$ 1,000,000.</summary>
    public const long DemoFourEyesThresholdUsdCents = 100_000_000;

    /// <summary>Demo participants: code, exporting/importing authority, its city, and the demo company.</summary>
    public static readonly IReadOnlyList<(string Code, string Authority, string City, string Company)> Participants =
    [
        ("BW", "Diamond Hub, Ministry of Minerals and Energy", "Gaborone", "Kalahari Rough Trading (Pty) Ltd"),
        ("AE", "Dubai Multi Commodities Centre Authority", "Dubai", "Gulf Rough Diamonds DMCC"),
        ("IN", "Gem & Jewellery Export Promotion Council", "Mumbai", "Bharat Rough Imports Pvt Ltd"),
        ("EU", "Federal Public Service Economy, Diamond Office", "Antwerp", "Scheldt Diamond Trading BV"),
        ("ZA", "South African Diamond and Precious Metals Regulator", "Johannesburg", "Highveld Rough Diamonds (Pty) Ltd"),
        ("CA", "Natural Resources Canada, Kimberley Process Office", "Ottawa", "Northern Lights Diamonds Inc."),
        ("RU", "Gokhran, Ministry of Finance", "Moscow", "Siberian Rough Trading LLC"),
        ("CN", "General Administration of Customs, KP Office", "Shanghai", "Pudong Rough Diamond Co. Ltd"),
        ("US", "U.S. Census Bureau, KP Authority", "Washington, DC", "Hudson Rough Diamonds LLC"),
        ("AO", "Ministério dos Recursos Minerais, Petróleo e Gás", "Luanda", "Lunda Rough Comércio Lda"),
        ("CD", "Centre d'Expertise, d'Évaluation et de Certification (CEEC)", "Kinshasa", "Kasaï Diamants SARL"),
        ("CF", "Bureau d'Évaluation et de Contrôle de Diamant et d'Or (BECDOR)", "Bangui", "Sangha Diamants SARL"),
    ];

    public async Task EnsureRolesAsync(CancellationToken ct)
    {
        foreach (var role in Roles.All)
        {
            ct.ThrowIfCancellationRequested();
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await users.FindByNameAsync("secretariat") is not null)
        {
            return;
        }

        await CreateAsync("secretariat", "KP Secretariat (Gaborone)", Roles.Secretariat);
        foreach (var (code, authority, city, company) in Participants)
        {
            var lower = code.ToLowerInvariant();
            if (!await db.Authorities.AnyAsync(a => a.ParticipantCode == code, ct))
            {
                db.Authorities.Add(new Authority
                {
                    ParticipantCode = code,
                    Name = authority,
                    Role = AuthorityRole.ExportingAndImporting,
                    Address = $"{authority}, {city}",
                    Contact = $"kp@{lower}.authority.example",
                });
            }

            var licence = $"{code}-OP-001";
            var op = await db.Operators.SingleOrDefaultAsync(o => o.ParticipantCode == code && o.LicenceNumber == licence, ct);
            if (op is null)
            {
                op = new Operator
                {
                    ParticipantCode = code,
                    CompanyName = company,
                    Address = $"1 Diamond Street, {city}",
                    LicenceNumber = licence,
                    IsExporter = true,
                    IsImporter = true,
                    ValidFrom = new DateOnly(2003, 1, 1),
                };
                db.Operators.Add(op);
            }

            await db.SaveChangesAsync(ct);
            await CreateAsync($"officer.{lower}", $"Authority officer, {code}", Roles.AuthorityOfficer, participant: code);
            await CreateAsync($"customs.{lower}", $"Customs officer, {code}", Roles.CustomsOfficer, participant: code);
            await CreateAsync($"operator.{lower}", company, Roles.Operator, participant: code, operatorId: op.Id);
        }

        // Botswana shows the four-eyes rule: applications of US$ 1 million or more need a second officer.
        await CreateAsync("officer2.bw", "Second authority officer, BW", Roles.AuthorityOfficer, participant: "BW");
        if (!await db.ShipmentSettings.AnyAsync(s => s.ParticipantCode == "BW", ct))
        {
            db.ShipmentSettings.Add(new OpenKP.Shipments.ShipmentSettings { ParticipantCode = "BW", FourEyesThresholdUsdCents = DemoFourEyesThresholdUsdCents });
            await db.SaveChangesAsync(ct);
        }

        await CreateAsync("observer.wdc", "World Diamond Council", Roles.Observer, observer: "World Diamond Council");
        await CreateAsync("observer.cso", "KP Civil Society Coalition", Roles.Observer, observer: "KP Civil Society Coalition");
    }

    private async Task CreateAsync(string userName, string displayName, string role, string? participant = null, long? operatorId = null, string? observer = null)
    {
        var user = new OpenKpUser
        {
            UserName = userName,
            DisplayName = displayName,
            ParticipantCode = participant,
            OperatorId = operatorId,
            ObserverName = observer,
            Email = $"{userName}@demo.openkp.example",
            EmailConfirmed = true,
        };
        var created = await users.CreateAsync(user, Password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException($"Could not create demo account {userName}: {string.Join("; ", created.Errors.Select(e => e.Description))}");
        }

        await users.AddToRoleAsync(user, role);
    }
}
