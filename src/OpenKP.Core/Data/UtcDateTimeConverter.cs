using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace OpenKP.Data;

/// <summary>Stores DateTime as UTC and marks what it reads back as UTC (SQLite keeps no kind).</summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
