using System.Globalization;
using System.Text;

namespace Torch;

/// <summary>
/// Lua's <c>torch.CmdLine</c>, for the options of ported scripts: <c>Text</c>, <c>Option</c>, <c>Argument</c>, <c>Parse</c>
/// (a <see cref="Table"/> keyed by the option names without their dashes, as Lua's <c>opt</c>), <c>Help</c>.
/// An option's default sets its type: a number reads a number, a string any text, a boolean is a flag that flips the default.
/// </summary>
/// <remarks>
/// Example: <c>var cmd = torch.CmdLine(); cmd.Option("-lr", 0.1, "learning rate"); Table opt = cmd.Parse(args); double lr = (double)opt["lr"];</c>
/// Where Lua prints the help and exits with 1 on a bad command line, this throws an <see cref="ArgumentException"/> whose
/// message holds the error and the help; <c>-h</c>, <c>-help</c> and <c>--help</c> print the help and exit with 0, as in Lua.
/// </remarks>
public sealed class CmdLine
{
    sealed record Entry(string Key, object? Default, string? Help, bool IsOption);

    readonly Dictionary<string, Entry> options = new();
    readonly List<Entry> arguments = new();
    readonly List<object> helpLines = new(); // Entry or a line of text, in the order given

    internal CmdLine() { }

    static string Strip(string key) => key.TrimStart('-');

    /// <summary>Adds a line of text to the help (Lua's <c>cmd:text()</c>). Example: <c>cmd.Text("Options:");</c></summary>
    public CmdLine Text(string text = "")
    {
        helpLines.Add(text);
        return this;
    }

    /// <summary>Declares an option with its default (a number, string or boolean) and help. Example: <c>cmd.Option("-batchSize", 64, "batch size");</c></summary>
    public CmdLine Option(string key, object defaultValue, string? help = null)
    {
        ArgumentNullException.ThrowIfNull(defaultValue, nameof(defaultValue));
        var value = new LuaValue(defaultValue).Object;
        if (value is not (double or string or bool))
            throw new ArgumentException($"torch.CmdLine: option {key} has a default of type {defaultValue.GetType().Name} (expected a number, string or boolean)");
        var entry = new Entry(key, value, help, true);
        options[key] = entry;
        helpLines.Add(entry);
        return this;
    }

    /// <summary>Declares a positional argument (all are required, in order). Example: <c>cmd.Argument("-model", "the model file");</c></summary>
    public CmdLine Argument(string key, string? help = null)
    {
        var entry = new Entry(key, null, help, false);
        arguments.Add(entry);
        helpLines.Add(entry);
        return this;
    }

    /// <summary>The defaults of every option (Lua's <c>cmd:default()</c>). Example: <c>Table opt = cmd.Default();</c></summary>
    public Table Default()
    {
        var t = new Table();
        foreach (var o in options.Values) t[Strip(o.Key)] = new LuaValue(o.Default);
        return t;
    }

    /// <summary>Reads the command line (Lua's <c>cmd:parse(arg)</c>): every option's value or default, and every argument.
    /// Example: <c>Table opt = cmd.Parse(args); if (opt["cuda"]) net.Cuda();</c></summary>
    public Table Parse(string[] args)
    {
        var t = Default();
        int given = 0;
        for (int i = 0; i < args.Length; i++)
        {
            string a = args[i];
            if (a is "-h" or "-help" or "--help")
            {
                Console.Write(Help());
                Environment.Exit(0);
            }
            if (options.TryGetValue(a, out var o)) t[Strip(a)] = Read(o, args, ref i);
            else if (given < arguments.Count) t[Strip(arguments[given++].Key)] = a;
            else throw Error(a.StartsWith('-') ? $"unknown option {a}" : $"invalid argument: {a}");
        }
        if (given != arguments.Count) throw Error("not enough arguments");
        return t;
    }

    LuaValue Read(Entry o, string[] args, ref int i)
    {
        if (o.Default is bool b) return !b;
        if (i + 1 >= args.Length) throw Error($"missing argument for option {o.Key}");
        string v = args[++i];
        if (o.Default is string) return v;
        return double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) ? d
            : throw Error($"invalid type for option {o.Key} (should be number)");
    }

    ArgumentException Error(string message) => new($"torch.CmdLine: {message}\n{Help()}");

    /// <summary>The help Lua's <c>cmd:help()</c> prints: usage, then each option with its help and default, and the text lines.
    /// Example: <c>Console.Write(cmd.Help());</c></summary>
    public string Help()
    {
        var sb = new StringBuilder("Usage: [options]");
        foreach (var a in arguments) sb.Append(" <").Append(Strip(a.Key)).Append('>');
        sb.Append('\n');
        int width = helpLines.OfType<Entry>().Select(e => e.IsOption ? e.Key.Length : Strip(e.Key).Length + 2).DefaultIfEmpty(0).Max();
        foreach (var line in helpLines)
        {
            if (line is Entry e)
            {
                sb.Append("  ").Append((e.IsOption ? e.Key : "<" + Strip(e.Key) + ">").PadRight(width));
                if (e.Help is not null) sb.Append(' ').Append(e.Help);
                if (e.IsOption) sb.Append(" [").Append(new LuaValue(e.Default)).Append(']');
            }
            else sb.Append(line);
            sb.Append('\n');
        }
        return sb.ToString();
    }
}

public static partial class torch
{
    /// <summary>A new <see cref="Torch.CmdLine"/> (Lua's <c>torch.CmdLine()</c>). Example: <c>var cmd = torch.CmdLine();</c></summary>
    public static CmdLine CmdLine() => new();
}
