using System.Net;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TcpModelCheck.Tcp;

namespace TcpModelCheck.Explorer.Server;

/// <summary>How the explorer is served.</summary>
/// <param name="Port">The TCP port on 127.0.0.1; 0 picks a free one.</param>
/// <param name="HandleSignals">True for the <c>tcpmc explore</c> process: SIGINT and SIGTERM stop the server (the
/// host's console lifetime). False in tests, where many servers share one process.</param>
/// <param name="Start">The trace loaded with <c>--trace</c>, which the page opens at; null for the initial state.</param>
public sealed record ExplorerOptions(int Port = 0, bool HandleSignals = false, Paths.LoadedTrace? Start = null);

/// <summary>
/// The explorer's web server: Kestrel bound to 127.0.0.1 only (never another address: the explorer runs searches
/// on request and has no authentication), serving the page and its JSON API (<see cref="ExplorerApi"/>).
/// </summary>
public sealed class ExplorerServer : IAsyncDisposable
{
    /// <summary>The largest request body accepted (an uploaded trace): far beyond any counterexample's file.</summary>
    public const long MaxBodyBytes = 1 << 20;

    private readonly WebApplication _app;

    private ExplorerServer(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    /// <summary>The page's address, e.g. http://127.0.0.1:5123/.</summary>
    public Uri Url { get; }

    /// <summary>Fires when the server begins to stop (a signal, <see cref="StopAsync"/>); running searches end.</summary>
    public CancellationToken Stopping => _app.Lifetime.ApplicationStopping;

    /// <summary>Builds and starts the server. A port that is taken is an <see cref="IOException"/>.</summary>
    public static async Task<ExplorerServer> StartAsync(TcpModel model, ExplorerOptions options, CancellationToken cancel = default)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, options.Port);
            k.Limits.MaxRequestBodySize = MaxBodyBytes;
            k.AddServerHeader = false;
        });
        builder.Services.AddRoutingCore();
        builder.Services.Configure<JsonOptions>(j =>
            j.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.KebabCaseLower)));
        // The host's console lifetime ends the server on SIGINT and SIGTERM (and SIGQUIT); in tests it must not
        // take the signals of the test process.
        if (options.HandleSignals) builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        else builder.Services.AddSingleton<IHostLifetime, QuietLifetime>();
        var app = builder.Build();
        ExplorerApi.Map(app, new ExplorerApi(model, options.Start));
        try
        {
            await app.StartAsync(cancel);
        }
        catch
        {
            await app.DisposeAsync(); // releases the signal handlers the console lifetime registered
            throw;
        }
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(address).Port;
        return new ExplorerServer(app, new Uri($"http://127.0.0.1:{port}/"));
    }

    /// <summary>Waits until the server is stopped — by a signal (with <see cref="ExplorerOptions.HandleSignals"/>),
    /// by <paramref name="cancel"/>, or by <see cref="StopAsync"/>.</summary>
    public Task WaitForShutdownAsync(CancellationToken cancel) => _app.WaitForShutdownAsync(cancel);

    public Task StopAsync() => _app.StopAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

/// <summary>A host lifetime that listens to no signal: the server stops only when told to.</summary>
internal sealed class QuietLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
