namespace OpenKP.Audit;

/// <summary>
/// An entity whose audit rows name it by a natural key known before it is saved (a certificate by its
/// number) rather than by a database-generated id. Saves made only of such entities and entities with
/// client-side keys write their audit rows in the same round trip.
/// </summary>
public interface IAuditKeyed
{
    string AuditKey { get; }
}
