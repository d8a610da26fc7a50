namespace TcpModelCheck.Tcp;

/// <summary>Which preset gives a configuration field its value when none was set explicitly.</summary>
public enum FieldPreset
{
    /// <summary>The field's value in <see cref="TcpConfig.Default"/>.</summary>
    None,
    /// <summary>The variant's rule, applied to the configuration's final values.</summary>
    Variant,
    /// <summary>The workload's rule, applied to the configuration's final values.</summary>
    Workload,
}

/// <summary>How a field's value is written as text and read back (settings, command-line options).</summary>
/// <param name="Parse">Reads a value; throws <see cref="FormatException"/> with the reason on bad text.</param>
public sealed record FieldCodec<T>(Func<string, T> Parse, Func<T, string> Print);

/// <summary>
/// One field of <see cref="TcpConfig"/> as the table <see cref="TcpFields"/> declares it, seen without its type:
/// what settings, validation, the command-line options, <c>list options</c> and <c>explain</c> are generated from.
/// </summary>
public abstract record TcpField(string Key, string HelpName, string Help)
{
    /// <summary>The preset that supplies the value when none is set.</summary>
    public FieldPreset Preset { get; init; }

    /// <summary>The default as help shows it: the value, or the preset's rule in words.</summary>
    public abstract string DefaultText { get; }

    /// <summary>The preset's rule in words (null for a field without a preset).</summary>
    public abstract string? RuleWords { get; }

    /// <summary>The field's effective value in <paramref name="c"/>, as text.</summary>
    public abstract string Print(TcpConfig c);

    /// <summary>Whether <paramref name="c"/>'s value is the one it has when not set: the preset's rule at
    /// <paramref name="c"/>'s final values, or the default configuration's value.</summary>
    public abstract bool IsDefault(TcpConfig c);

    /// <summary><paramref name="c"/> with this field set explicitly from <paramref name="text"/>.</summary>
    internal abstract TcpConfig Parse(TcpConfig c, string text);

    /// <summary>What is wrong with <paramref name="c"/>'s value of this field, one message each.</summary>
    internal abstract IEnumerable<string> Problems(TcpConfig c);
}

/// <summary>A configuration field of type <typeparamref name="T"/>.</summary>
/// <param name="Get">The effective value (for a preset field: the explicit value, else the rule's).</param>
/// <param name="Set">The configuration with the value set explicitly.</param>
public sealed record TcpField<T>(string Key, string HelpName, string Help, FieldCodec<T> Codec,
    Func<TcpConfig, T> Get, Func<TcpConfig, T, TcpConfig> Set) : TcpField(Key, HelpName, Help)
{
    /// <summary>The value's problems given the rest of the configuration (a range, a cross-field limit).</summary>
    public Func<TcpConfig, T, IEnumerable<string>> Check { get; init; } = (_, _) => [];

    /// <summary>The preset's rule (null unless <see cref="TcpField.Preset"/> is set): the value from the
    /// configuration's final values, e.g. linux's TIME-WAIT ceil(MSL/2).</summary>
    public Func<TcpConfig, T>? Rule { get; init; }

    /// <summary>The rule in words, e.g. "ceil(msl/2) for linux, else none".</summary>
    public string? RuleText { get; init; }

    /// <summary>The accepted range as text ("1..8"), when the field has one.</summary>
    public string? RangeText { get; init; }

    public override string DefaultText => RuleText is { } rule
        ? $"the {(Preset == FieldPreset.Variant ? "variant" : "workload")}'s: {rule}"
        : Codec.Print(Get(TcpConfig.Default));

    public override string? RuleWords => RuleText;

    public override string Print(TcpConfig c) => Codec.Print(Get(c));

    public override bool IsDefault(TcpConfig c) =>
        Print(c) == Codec.Print(Rule is { } rule ? rule(c) : Get(TcpConfig.Default));

    internal override TcpConfig Parse(TcpConfig c, string text)
    {
        try
        {
            return Set(c, Codec.Parse(text.Trim()));
        }
        catch (FormatException e)
        {
            throw new ArgumentException($"setting '{Key}': {e.Message}");
        }
        catch (OverflowException e)
        {
            throw new ArgumentException(RangeText is { } range
                ? $"{Key}: {text.Trim()} is out of range {range}"
                : $"setting '{Key}': {e.Message}");
        }
    }

    internal override IEnumerable<string> Problems(TcpConfig c) => Check(c, Get(c));

    /// <summary>This field with its value supplied by <paramref name="preset"/>'s <paramref name="rule"/>.</summary>
    public TcpField<T> From(FieldPreset preset, Func<TcpConfig, T> rule, string ruleText) =>
        this with { Preset = preset, Rule = rule, RuleText = ruleText };

    /// <summary>This field limited to <paramref name="min"/>..<paramref name="max"/> (through <paramref name="of"/>
    /// for a field that is not a plain number; a null number is not checked).</summary>
    public TcpField<T> Range(int min, int max, Func<T, int?> of) => this with
    {
        RangeText = $"{min}..{max}",
        Check = (c, v) => of(v) is { } n && (n < min || n > max) ? [$"{Key}: {n} is out of range {min}..{max}"] : Check(c, v),
    };
}
