using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using OpenKP.Data;

namespace OpenKP.Migrations.Sqlite;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model for SQLite without the web app.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<OpenKpDb>
{
    public OpenKpDb CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<OpenKpDb>();
        options.UseOpenKpDatabase(DatabaseProvider.Sqlite, "Data Source=design.db");
        return new OpenKpDb(options.Options);
    }
}
