namespace OpenKP.Shared;

/// <summary>One page of a list: <see cref="Page"/> is 1-based; <see cref="Total"/> counts every matching item.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);
