using System.Globalization;
using Torch;

namespace CharRnn;

/// <summary>The part of Lua's torch.CmdLine that char-rnn uses: options with defaults (numbers or strings), one optional
/// positional argument, and a Lua table of the parsed values under Lua's names.</summary>
public sealed class CmdLine
{
    readonly List<(string Name, LuaValue Default, string Help)> options = new();
    string? argument;
    readonly List<string> text = new();

    /// <summary>A line of help text. Example: <c>cmd.Text("Options");</c></summary>
    public void Text(string line = "") => text.Add(line);

    /// <summary>An option "-name value"; its default decides whether it is a number or a string. Example: <c>cmd.Option("-seed", 123, "seed");</c></summary>
    public void Option(string name, LuaValue defaultValue, string help) => options.Add((name.TrimStart('-'), defaultValue, help));

    /// <summary>A required positional argument. Example: <c>cmd.Argument("-model", "checkpoint");</c></summary>
    public void Argument(string name, string help)
    {
        argument = name.TrimStart('-');
        text.Add($"  {argument}  {help}");
    }

    /// <summary>The options as a table (Lua's <c>opt</c>); exits with the help text on "-h" or an unknown option.
    /// Example: <c>Table opt = cmd.Parse(args);</c></summary>
    public Table Parse(string[] args)
    {
        var opt = new Table();
        foreach (var (name, value, _) in options) opt[name] = value;
        for (int i = 0; i < args.Length; i++)
        {
            string a = args[i];
            var o = options.FindIndex(x => "-" + x.Name == a);
            if (o >= 0 && i + 1 < args.Length)
            {
                var (name, value, _) = options[o];
                string v = args[++i];
                opt[name] = value.IsNumber
                    ? double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) ? d : Fail($"option -{name} expects a number, got '{v}'")
                    : v;
            }
            else if (argument is not null && !a.StartsWith('-') && opt[argument].IsNil) opt[argument] = a;
            else Fail(a is "-h" or "--help" ? null : $"unknown option '{a}'");
        }
        if (argument is not null && opt[argument].IsNil) Fail($"missing argument <{argument}>");
        return opt;
    }

    double Fail(string? error)
    {
        if (error is not null) Console.Error.WriteLine("error: " + error);
        foreach (var line in text) Console.Error.WriteLine(line);
        foreach (var (name, value, help) in options) Console.Error.WriteLine($"  -{name,-28} {help} [{value}]");
        Environment.Exit(error is null ? 0 : 1);
        return 0;
    }
}
