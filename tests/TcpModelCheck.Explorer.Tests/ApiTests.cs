using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using TcpModelCheck.Engine.Traces;
using TcpModelCheck.Explorer.Tests.Support;
using TcpModelCheck.Tcp;

namespace TcpModelCheck.Explorer.Tests;

/// <summary>The explorer's JSON API against a real server on 127.0.0.1 (no browser): views after a choice path,
/// trace export and upload, "find from here", and the one-line 400 for every kind of bad input.</summary>
public sealed class ApiTests(RunningServer server) : IClassFixture<RunningServer>
{
    [Fact]
    public async Task The_initial_view_lists_the_opening_actions_labelled_as_in_the_chart()
    {
        var view = await server.Json("api/view");
        Assert.Equal("", view.GetProperty("path").GetString());
        Assert.Equal("CLOSED", view.GetProperty("state").GetProperty("a").GetProperty("state").GetString());
        var labels = view.GetProperty("enabled").EnumerateArray().Select(a => a.GetProperty("label").GetString()).ToList();
        var model = NoTimeWait.Model;
        var actions = new List<TcpAction>();
        model.Actions(model.InitialStates[0], actions);
        Assert.Equal(actions.Select(a => model.FormatAction(model.InitialStates[0], a)), labels);
        Assert.Contains("B: OPEN passive", labels);
    }

    [Fact]
    public async Task The_counterexample_path_shows_the_violation_at_step_12_in_the_properties_and_the_chart()
    {
        var view = await server.Json($"api/view?path={NoTimeWait.CounterexamplePath}");
        Assert.Equal(12, view.GetProperty("steps").GetArrayLength());
        var violation = view.GetProperty("violation");
        Assert.Equal("graceful-close", violation.GetProperty("property").GetString());
        Assert.Equal(12, violation.GetProperty("step").GetInt32());
        var graceful = view.GetProperty("properties").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "graceful-close");
        Assert.Equal("violated", graceful.GetProperty("status").GetString());
        var b = view.GetProperty("state").GetProperty("b");
        Assert.Equal("CLOSED", b.GetProperty("state").GetString());
        Assert.Equal("Reset", b.GetProperty("lastEnd").GetString());
        var svg = view.GetProperty("svg").GetString()!;
        Assert.Contains("class=\"step violation\" data-step=\"12\"", svg);
        Assert.Contains("graceful-close violated", svg);
        // one step before, nothing is violated yet
        var before = await server.Json($"api/view?path={string.Join('/', NoTimeWait.Choices[..11])}");
        Assert.Equal(JsonValueKind.Null, before.GetProperty("violation").ValueKind);
        Assert.Equal("LAST-ACK", before.GetProperty("state").GetProperty("b").GetProperty("state").GetString());
    }

    [Fact]
    public async Task The_network_shows_each_segment_in_flight_with_its_age()
    {
        // B: OPEN passive, A: OPEN active ISS=0 puts A's SYN in flight; a tick is not enabled while it is prompt,
        // so age stays 0 until it is delayed and the clock ticks.
        var view = await server.Json("api/view?path=0/0");
        var net = view.GetProperty("state").GetProperty("network").EnumerateArray().ToList();
        var syn = Assert.Single(net);
        Assert.Equal("A", syn.GetProperty("from").GetString());
        Assert.Equal("<SEQ=0><CTL=SYN>", syn.GetProperty("label").GetString());
        Assert.Equal(0, syn.GetProperty("age").GetInt32());
        Assert.Equal("SYN-SENT", view.GetProperty("state").GetProperty("a").GetProperty("state").GetString());
        Assert.Equal("retransmission", view.GetProperty("state").GetProperty("a").GetProperty("timer").GetProperty("kind").GetString());
    }

    [Theory]
    [InlineData("0/x", "'x' is not a choice index")]
    [InlineData("0/0/99", "leaves the model at step 3: choice 99 is not enabled")]
    [InlineData("i3:0", "there is no initial state #3")]
    [InlineData("0//1", "is not a choice index")]
    public async Task A_bad_path_is_a_400_with_one_line(string path, string expected)
    {
        using var response = await server.Http.GetAsync($"api/view?path={Uri.EscapeDataString(path)}");
        Assert.Contains(expected, await RunningServer.BadRequest(response));
        using var export = await server.Http.GetAsync($"api/trace?path={Uri.EscapeDataString(path)}");
        Assert.Contains(expected, await RunningServer.BadRequest(export));
    }

    [Fact]
    public async Task The_exported_trace_replays_and_reproduces_the_violation()
    {
        var json = await server.Http.GetStringAsync($"api/trace?path={NoTimeWait.CounterexamplePath}");
        var trace = TraceJson.Deserialize(json);
        Assert.Equal("graceful-close", trace.Property);
        Assert.Equal(NoTimeWait.CounterexamplePath, trace.ChoicePath);
        var replay = Replayer.Replay(NoTimeWait.Model, trace);
        Assert.Null(replay.Divergence);
        var property = NoTimeWait.Model.Properties.Single(p => p.Name == "graceful-close");
        Assert.False(property.Condition!(replay.Steps[^1].State));
        Assert.True(property.Condition!(replay.Steps[^2].State));
    }

    [Fact]
    public async Task An_uploaded_trace_gives_its_path_and_a_diverging_one_is_a_400()
    {
        var json = await server.Http.GetStringAsync($"api/trace?path={NoTimeWait.CounterexamplePath}");
        using var ok = await server.Http.PostAsync("api/trace", new StringContent(json, Encoding.UTF8, "application/json"));
        var loaded = await ok.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(NoTimeWait.CounterexamplePath, loaded.GetProperty("path").GetString());
        Assert.Equal("graceful-close", loaded.GetProperty("property").GetString());

        var trace = TraceJson.Deserialize(json);
        var wrongLabel = trace with { Steps = trace.Steps.SetItem(2, trace.Steps[2] with { Action = "B: CLOSE" }) };
        using var diverges = await server.Http.PostAsync("api/trace", new StringContent(TraceJson.Serialize(wrongLabel)));
        Assert.Contains("does not replay: diverges at step 3", await RunningServer.BadRequest(diverges));

        var other = trace with { Settings = trace.Settings.SetItem("variant", "rfc9293") };
        using var settings = await server.Http.PostAsync("api/trace", new StringContent(TraceJson.Serialize(other)));
        Assert.Contains("recorded with other settings: variant=rfc9293", await RunningServer.BadRequest(settings));

        using var malformed = await server.Http.PostAsync("api/trace", new StringContent("{\"format\": 1, \"steps\": ["));
        Assert.Contains("malformed", await RunningServer.BadRequest(malformed));
    }

    [Fact]
    public async Task A_body_over_the_limit_is_a_400()
    {
        // Expect: 100-continue lets the server refuse on the Content-Length before the body is sent; without it the
        // server's early answer races the client's 2 MiB upload, which then fails with a broken pipe.
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/trace")
        {
            Content = new StringContent(new string(' ', 1 << 21)),
        };
        request.Headers.ExpectContinue = true;
        using var big = await server.Http.SendAsync(request);
        Assert.Contains("over 1024 KiB", await RunningServer.BadRequest(big));
    }

    [Fact]
    public async Task Find_from_here_gives_the_shortest_continuation_the_checker_finds()
    {
        var prefix = string.Join('/', NoTimeWait.Choices[..4]);
        using var response = await server.Http.PostAsJsonAsync("api/find", new { path = prefix, property = "graceful-close" });
        var found = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("violated", found.GetProperty("verdict").GetString());
        var path = found.GetProperty("path").GetString()!;
        Assert.StartsWith(prefix + "/", path);
        Assert.Equal(12, path.Split('/').Length); // breadth-first from step 4: 8 more steps, as from the start
        Assert.Equal(8, found.GetProperty("continuation").GetArrayLength());
        var view = await server.Json($"api/view?path={path}");
        Assert.Equal("graceful-close", view.GetProperty("violation").GetProperty("property").GetString());
    }

    [Fact]
    public async Task Find_cut_short_by_its_state_limit_is_inconclusive_never_holds()
    {
        using var response = await server.Http.PostAsJsonAsync("api/find", new { path = "", property = "no-stale-data", maxStates = 50 });
        var found = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("inconclusive", found.GetProperty("verdict").GetString());
        Assert.Contains("state limit", found.GetProperty("reason").GetString());
        Assert.Equal(JsonValueKind.Null, found.GetProperty("path").ValueKind);
    }

    [Theory]
    [InlineData("{\"path\": \"\", \"property\": \"nope\"}", "unknown property 'nope'")]
    [InlineData("{\"path\": \"\"}", "names no property")]
    [InlineData("{\"path\": \"0/7\", \"property\": \"graceful-close\"}", "choice 7 is not enabled")]
    [InlineData("{\"path\": \"\", \"property\": \"graceful-close\", \"maxStates\": 0}", "maxStates 0 is out of range")]
    [InlineData("{\"path\": ", "malformed find request")]
    public async Task A_bad_find_request_is_a_400(string body, string expected)
    {
        using var response = await server.Http.PostAsync("api/find", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Contains(expected, await RunningServer.BadRequest(response));
    }

    [Fact]
    public async Task The_server_listens_on_127_0_0_1_only()
    {
        Assert.Equal("127.0.0.1", server.Server.Url.Host);
        var model = await server.Json("api/model");
        Assert.Equal("no-time-wait", model.GetProperty("variant").GetString());
        // every other address of this machine refuses the port
        var others = System.Net.NetworkInformation.NetworkInterface.GetAllNetworkInterfaces()
            .SelectMany(i => i.GetIPProperties().UnicastAddresses).Select(a => a.Address)
            .Where(a => a.AddressFamily == AddressFamily.InterNetwork && !System.Net.IPAddress.IsLoopback(a)).ToList();
        foreach (var address in others)
        {
            using var client = new TcpClient();
            var e = await Assert.ThrowsAnyAsync<SocketException>(() => client.ConnectAsync(address, server.Server.Url.Port));
            Assert.Equal(SocketError.ConnectionRefused, e.SocketErrorCode);
        }
    }
}
