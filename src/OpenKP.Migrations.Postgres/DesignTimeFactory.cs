using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using OpenKP.Data;

namespace OpenKP.Migrations.Postgres;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model for PostgreSQL without a server.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<OpenKpDb>
{
    public OpenKpDb CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<OpenKpDb>();
        options.UseOpenKpDatabase(DatabaseProvider.Postgres, "Host=localhost;Database=openkp_design");
        return new OpenKpDb(options.Options);
    }
}
