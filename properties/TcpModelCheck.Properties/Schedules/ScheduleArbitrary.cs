using FsCheck;
using FsCheck.Fluent;
using TcpModelCheck.Engine.Schedules;
using TcpModelCheck.Tcp.Schedules;

namespace TcpModelCheck.Properties.Schedules;

/// <summary>
/// FsCheck generators and shrinkers for fault schedules. Built directly from the <see cref="ScheduleShape"/>
/// (a weighted choice of intent kind, a uniform selector, a fixed number of steps): every generated value is
/// a valid schedule, so nothing is filtered and no test is discarded.
/// </summary>
public static class ScheduleArbitrary
{
    /// <summary>One intent: kind by the shape's weights (kinds of weight 0 never appear), selector uniform in
    /// 0..MaxSelector.</summary>
    public static Gen<Intent<IntentKind>> Intent(ScheduleShape shape) =>
        Gen.Frequency(Enum.GetValues<IntentKind>()
            .Where(kind => shape.Weights[(int)kind] > 0)
            .Select(kind => (shape.Weights[(int)kind], Gen.Choose(0, shape.MaxSelector).Select(k => new Intent<IntentKind>(kind, k)))));

    /// <summary>A schedule of exactly <see cref="ScheduleShape.Length"/> intents (shrinking makes it shorter).</summary>
    public static Gen<Schedule<IntentKind>> Schedule(ScheduleShape shape) => Intent(shape).ArrayOf(shape.Length).Select(TcpSchedules.Of);

    /// <summary>The generator paired with <see cref="ScheduleShrinker"/>; <paramref name="canonical"/> (the
    /// interpreter's canonical form on the model under test) makes shrunk schedules name the actions they take.</summary>
    public static Arbitrary<Schedule<IntentKind>> For(ScheduleShape shape, Func<Schedule<IntentKind>, Schedule<IntentKind>>? canonical = null) =>
        Arb.From(Schedule(shape), s => ScheduleShrinker.Candidates(s, canonical));
}
