using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenKP.Shared;

namespace OpenKP.Cli.Shared;

/// <summary>
/// Remote mode: the OpenKP HTTP API. Answers come back as JSON; errors are the API's ProblemDetails,
/// turned into a <see cref="Problem"/> with every violation's code and message.
/// </summary>
internal sealed class ApiClient(HttpClient http, Uri server) : IDisposable
{
    public Uri Server { get; } = server;

    public bool HasCredentials => http.DefaultRequestHeaders.Authorization is not null;

    public void UseToken(string token) => http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

    /// <summary>GET <paramref name="relative"/> (no leading slash, under the server's URL).</summary>
    public async Task<Answer<T>> GetAsync<T>(string relative, CancellationToken ct)
    {
        using var response = await http.GetAsync(new Uri(Server, relative), ct);
        return await ReadAsync<T>(response, ct);
    }

    /// <summary>GET <paramref name="relative"/> as raw bytes (a signed list, a PEM key); a ProblemDetails answer becomes the problem.</summary>
    public async Task<Answer<byte[]>> GetBytesAsync(string relative, CancellationToken ct)
    {
        using var response = await http.GetAsync(new Uri(Server, relative), ct);
        if (!response.IsSuccessStatusCode)
        {
            return ProblemOf(response.StatusCode, await response.Content.ReadAsStringAsync(ct));
        }

        return Answer<byte[]>.Ok(await response.Content.ReadAsByteArrayAsync(ct));
    }

    /// <summary>POST <paramref name="body"/> as JSON to <paramref name="relative"/>; the answer, or the server's problem.</summary>
    public async Task<Answer<T>> PostAsync<T>(string relative, object body, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync(new Uri(Server, relative), body, ct);
        return await ReadAsync<T>(response, ct);
    }

    /// <summary>PUT <paramref name="body"/> as JSON to <paramref name="relative"/>; the answer, or the server's problem.</summary>
    public async Task<Answer<T>> PutAsync<T>(string relative, object body, CancellationToken ct)
    {
        using var response = await http.PutAsJsonAsync(new Uri(Server, relative), body, ct);
        return await ReadAsync<T>(response, ct);
    }

    /// <summary>DELETE <paramref name="relative"/>; true on any 2xx (204 has no body), or the server's problem.</summary>
    public async Task<Answer<bool>> DeleteAsync(string relative, CancellationToken ct)
    {
        using var response = await http.DeleteAsync(new Uri(Server, relative), ct);
        return response.IsSuccessStatusCode ? Answer<bool>.Ok(true) : ProblemOf(response.StatusCode, await response.Content.ReadAsStringAsync(ct));
    }

    /// <summary>POST <paramref name="content"/> as it is (multipart form data: a file and its fields) to <paramref name="relative"/>.</summary>
    public async Task<Answer<T>> PostContentAsync<T>(string relative, HttpContent content, CancellationToken ct)
    {
        using var response = await http.PostAsync(new Uri(Server, relative), content, ct);
        return await ReadAsync<T>(response, ct);
    }

    /// <summary>POST /api/auth/token; the bearer token, or the server's reason for refusing.</summary>
    public async Task<Answer<string>> SignInAsync(string userName, string password, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync(new Uri(Server, "api/auth/token"), new { userName, password }, ct);
        var answer = await ReadAsync<TokenAnswer>(response, ct);
        if (answer.Problem is { } problem)
        {
            return problem;
        }

        return string.IsNullOrEmpty(answer.Value?.AccessToken)
            ? Problem.Of(CliCodes.ServerAnswerUnreadable, $"{Server} answered the sign-in without an access token.")
            : Answer<string>.Ok(answer.Value.AccessToken);
    }

    private async Task<Answer<T>> ReadAsync<T>(HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            return ProblemOf(response.StatusCode, text);
        }

        JsonNode? json;
        try
        {
            json = JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            json = null;
        }

        var value = json is null ? default : json.Deserialize<T>(CliJson.Options);
        return value is null
            ? Problem.Of(CliCodes.ServerAnswerUnreadable, $"{Server} answered {(int)response.StatusCode} with something that is not the expected JSON. Is this an OpenKP server?")
            : Answer<T>.Ok(value, json);
    }

    /// <summary>ProblemDetails → every violation; anything else → the status and what little the body says.</summary>
    private Problem ProblemOf(HttpStatusCode status, string body)
    {
        var code = (int)status;
        try
        {
            if (JsonNode.Parse(body) is JsonObject problem)
            {
                var violations = (problem["violations"] as JsonArray ?? [])
                    .OfType<JsonObject>()
                    .Select(v => new Violation(v["code"]?.GetValue<string>() ?? "error", v["message"]?.GetValue<string>() ?? string.Empty, v["field"]?.GetValue<string>()))
                    .ToList();
                if (violations.Count == 0)
                {
                    var message = problem["detail"]?.GetValue<string>() ?? problem["title"]?.GetValue<string>() ?? status.ToString();
                    violations.Add(new(problem["code"]?.GetValue<string>() ?? $"http-{code}", message));
                }

                return new Problem(violations, code);
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            // Not ProblemDetails (a proxy's error page, say): fall through to the status alone.
        }

        return new Problem([new Violation($"http-{code}", $"{Server} answered {code} {status}.")], code);
    }

    public void Dispose() => http.Dispose();

    private sealed record TokenAnswer(string? AccessToken);
}
