using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using TcpModelCheck.Engine.Model;
using TcpModelCheck.Engine.Traces;
using TcpModelCheck.Explorer.Paths;
using TcpModelCheck.Explorer.Search;
using TcpModelCheck.Explorer.Views;
using TcpModelCheck.Tcp;

namespace TcpModelCheck.Explorer.Server;

/// <summary>A property as the page lists it.</summary>
public sealed record PropertyInfoView(string Name, PropertyKind Kind, string Description);

/// <summary>The model being explored: its configuration and properties, and the trace to open at, if any.</summary>
public sealed record ModelView(string Model, string Name, string Variant, string Workload,
    IReadOnlyDictionary<string, string> Settings, IReadOnlyList<PropertyInfoView> Properties, LoadedTrace? Start,
    long DefaultMaxStates, long MaxStatesLimit);

/// <summary>The body of <c>POST /api/find</c>.</summary>
public sealed record FindRequest(string? Path, string? Property, long? MaxStates);

/// <summary>
/// The explorer's JSON API. Every view is a function of the choice path in the request (the server keeps no
/// per-user state, so a permalink is just a path):
/// <list type="bullet">
/// <item><c>GET /api/model</c>: configuration, properties, the start trace (<see cref="ModelView"/>).</item>
/// <item><c>GET /api/view?path=0/0/1</c>: state, enabled actions, properties on the path, chart (<see cref="PathView"/>).</item>
/// <item><c>GET /api/trace?path=…</c>: the path as a trace file <c>tcpmc replay</c> accepts.</item>
/// <item><c>POST /api/trace</c> (a trace file): checks it replays here and returns its path (<see cref="LoadedTrace"/>).</item>
/// <item><c>POST /api/find</c> (<see cref="FindRequest"/>): the shortest continuation that violates (or reaches) a property.</item>
/// </list>
/// Bad input — a malformed path, a choice that is not enabled, an unknown property, a trace that does not
/// replay, a body over 1 MiB — is a 400 with one line: <c>{"error": "…"}</c>.
/// </summary>
public sealed class ExplorerApi(TcpModel model, LoadedTrace? start)
{
    private readonly FindFromHere _find = new();

    public static void Map(WebApplication app, ExplorerApi api)
    {
        app.Use(Errors);
        app.MapGet("/", api.Page);
        app.MapGet("/api/model", api.Model);
        app.MapGet("/api/view", api.View);
        app.MapGet("/api/trace", api.Export);
        app.MapPost("/api/trace", api.Upload);
        app.MapPost("/api/find", api.Find);
    }

    private readonly TcpModel _model = model;

    private IResult Page()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("TcpModelCheck.Explorer.Page.explorer.html");
        if (stream is null) return Results.NotFound();
        using var reader = new StreamReader(stream);
        return Results.Content(reader.ReadToEnd(), "text/html; charset=utf-8");
    }

    private PathView View(string? path) => ViewBuilder.Build(WalkedPath.Follow(_model, path));

    private ModelView Model() => new(_model.Name, _model.Config.Name, _model.Config.Variant, _model.Config.Workload, _model.Settings,
        _model.Properties.Select(p => new PropertyInfoView(p.Name, p.Kind, p.Description)).ToList(), start,
        FindFromHere.DefaultMaxStates, FindFromHere.MaxStatesLimit);

    /// <summary>The path as a trace file; when a safety property is violated on it, the trace names that property,
    /// so <c>tcpmc replay</c> reports it reproduced.</summary>
    private IResult Export(string? path, HttpResponse response)
    {
        var walked = WalkedPath.Follow(_model, path);
        var violation = PathProperties.FirstViolation(PathProperties.Evaluate(walked));
        response.Headers.ContentDisposition = "attachment; filename=\"tcpmc-trace.json\"";
        return Results.Text(TraceJson.Serialize(walked.ToTrace(violation?.Name)) + "\n", "application/json");
    }

    private async Task<LoadedTrace> Upload(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        return TraceLoader.Load(_model, text);
    }

    private async Task<FindResult> Find(HttpRequest request, IHostApplicationLifetime stopping, CancellationToken aborted)
    {
        FindRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<FindRequest>(request.Body, JsonSerializerOptions.Web, aborted);
        }
        catch (JsonException e)
        {
            throw new ExplorerInputException($"malformed find request: {e.Message.Split('\n')[0]}");
        }
        if (body?.Property is not { Length: > 0 } property) throw new ExplorerInputException("the find request names no property");
        var walked = WalkedPath.Follow(_model, body.Path);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(aborted,
            stopping.ApplicationStopping);
        return await _find.RunAsync(walked, property, body.MaxStates, cancel.Token);
    }

    /// <summary>Turns input errors into 400 and anything unexpected into 500, each with one line of JSON.</summary>
    private static async Task Errors(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (ExplorerInputException e) { await Error(context, 400, e.Message); }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await Error(context, 400, $"the request body is over {ExplorerServer.MaxBodyBytes / 1024} KiB");
        }
        catch (BadHttpRequestException e) { await Error(context, 400, e.Message); }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested) { }
        catch (OperationCanceledException) { await Error(context, 503, "the explorer is shutting down"); }
        catch (Exception e) { await Error(context, 500, $"internal error: {e.GetType().Name}: {e.Message}"); }
    }

    private static Task Error(HttpContext context, int status, string message)
    {
        if (context.Response.HasStarted) return Task.CompletedTask;
        context.Response.Clear();
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new { error = message.Split('\n')[0].Trim() });
    }
}
