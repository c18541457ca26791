using OpenKP.Web.Accounts;
using OpenKP.Web.Audit;
using OpenKP.Web.Certificates;
using OpenKP.Web.Compliance;
using OpenKP.Web.Notifications;
using OpenKP.Web.Portal;
using OpenKP.Web.Registry;
using OpenKP.Web.Shared;
using OpenKP.Web.Shipments;
using OpenKP.Web.Statistics;

var builder = WebApplication.CreateBuilder(args);

builder.AddOpenKpPlatform();      // options, data directory, database, problems, OpenAPI, health, localisation, pages
builder.Services
    .AddAccounts()                // Identity, cookies for the portal, bearer tokens for the API, scope policies
    .AddAuditTrail()
    .AddRegistry()
    .AddCertificates(builder.Configuration) // issuance, signing keys, verification
    .AddNotifications(builder.Configuration) // inbox, e-mail and webhooks through a transactional outbox
    .AddShipments()               // export applications, review, departure, arrival, import confirmations, cases, overdue; alerts
    .AddStatistics()              // figures from the certificates, publication, reconciliation, anomalies, footprints
    .AddCompliance()              // decisions, working bodies, admissions, annual reports, peer review, cases, Chair's report
    .AddPortal();                 // the server-rendered portal's pages and texts

var app = builder.Build();

app.UseOpenKpPlatform();          // errors as ProblemDetails, body limit, localisation, auth, idempotency keys

app.MapPlatform();                // /health, /openapi/v1.json, /api/docs
app.MapAccounts();                // /api/auth/token, /api/me, sign-in pages
app.MapAuditTrail();              // /api/audit
app.MapRegistry();                // /api/participants, /api/trade-permission, /api/observers, …
app.MapCertificates();            // /api/certificates, /api/verify, /api/keys
app.MapShipments();               // /api/applications, /api/shipments, /api/arrivals, /api/transits, /api/cases, /api/alerts
app.MapNotifications();           // /api/inbox, /api/participants/{code}/webhooks
app.MapStatistics();              // /api/statistics/…, /api/public/statistics/…
app.MapCompliance();              // /api/compliance/…
app.MapPortal();                  // pages: home, participants, observers, sign-in, secretariat forms; language switch, HTML error pages

await app.InitialiseAsync();      // migrations, reference data, demo data in demo mode
await app.RunAsync();

/// <summary>The web application's entry point (public for WebApplicationFactory).</summary>
public partial class Program;
