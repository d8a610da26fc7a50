using System.Net.Http.Json;
using System.Text.Json;
using TcpModelCheck.Explorer.Server;

namespace TcpModelCheck.Explorer.Tests.Support;

/// <summary>A real explorer server on a free port of 127.0.0.1 for the no-time-wait model, shared by a test class
/// (the server keeps no per-request state), with an HTTP client pointed at it.</summary>
public sealed class RunningServer : IAsyncLifetime
{
    private ExplorerServer? _server;

    public ExplorerServer Server => _server!;
    public HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _server = await ExplorerServer.StartAsync(NoTimeWait.Model, new ExplorerOptions());
        Http = new HttpClient { BaseAddress = _server.Url, Timeout = TimeSpan.FromSeconds(30) };
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (_server is not null) await _server.DisposeAsync();
    }

    public async Task<JsonElement> Json(string url)
    {
        using var response = await Http.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Asserts a 400 whose body is one line of JSON with an error, and returns the error.</summary>
    public static async Task<string> BadRequest(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(400, (int)response.StatusCode);
        Assert.DoesNotContain('\n', body);
        var error = JsonDocument.Parse(body).RootElement.GetProperty("error").GetString()!;
        Assert.NotEmpty(error);
        return error;
    }
}
