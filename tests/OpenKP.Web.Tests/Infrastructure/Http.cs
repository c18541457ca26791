using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace OpenKP.Web.Tests.Infrastructure;

/// <summary>Small helpers to read API answers in tests.</summary>
public static class Http
{
    public static async Task<JsonElement> Json(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected} but got {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<JsonElement> GetJson(this HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
        => await (await client.GetAsync(url)).Json(expected);

    public static async Task<JsonElement> PostJson(this HttpClient client, string url, object body, HttpStatusCode expected)
        => await (await client.PostAsJsonAsync(url, body)).Json(expected);

    public static string[] Codes(this JsonElement answer)
        => [.. answer.GetProperty("violations").EnumerateArray().Select(v => v.GetProperty("code").GetString()!)];

    public static string Str(this JsonElement e, string property) => e.GetProperty(property).GetString()!;
}
