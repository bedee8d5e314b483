using System.Globalization;
using System.Text;

namespace Torch;

/// <summary>
/// Lua's <c>torch.CmdLine</c>, for the options of ported scripts: <c>Text</c>, <c>Option</c>, <c>Argument</c>, <c>Parse</c>
/// (a <see cref="Table"/> keyed by the option names without their dashes, as Lua's <c>opt</c>), <c>Help</c>, <c>String</c>
/// (an experiment's name from its non-default options), <c>Log</c> (everything printed also goes to a file), <c>Silent</c>
/// and <c>AddTime</c>.
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

    /// <summary>Lua's <c>argseparator</c>: joins the parts of <see cref="String"/> (default ","). Example: <c>cmd.ArgSeparator</c>.</summary>
    public string ArgSeparator { get; }
    /// <summary>Lua's <c>keyseparator</c>: joins a name and its value in <see cref="String"/> (default "="). Example: <c>cmd.KeySeparator</c>.</summary>
    public string KeySeparator { get; }
    string? dateFormat; // Lua's dateformat: the strftime format and name AddTime puts before each logged line
    bool silent;        // Lua's silentio

    internal CmdLine(string argSeparator = ",", string keySeparator = "=") => (ArgSeparator, KeySeparator) = (argSeparator, keySeparator);

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

    /// <summary>After <see cref="Log"/>, printed lines go to the log file only, not to the console (Lua's <c>cmd:silent()</c>).
    /// Example: <c>cmd.Silent(); cmd.Log("run.log", opt);</c></summary>
    public CmdLine Silent()
    {
        silent = true;
        if (active is { } w) w.Silent = true;
        return this;
    }

    /// <summary>Each line <see cref="Log"/> writes to the file starts with the date in <paramref name="format"/> (C's strftime, default
    /// "%Y-%m-%d %H:%M:%S") followed by "[name]: " when a name is given (Lua's <c>cmd:addTime(name, format)</c>); the console is
    /// not prefixed. Example: <c>cmd.AddTime("dcgan");</c></summary>
    public CmdLine AddTime(string? name = null, string format = "%Y-%m-%d %H:%M:%S")
    {
        dateFormat = format + (name is null ? "" : "[" + name + "]: ");
        if (active is { } w) w.DateFormat = dateFormat;
        return this;
    }

    /// <summary>An experiment's name, as Lua's <c>cmd:string(prefix, params, ignore)</c> builds it: the prefix, then the positional
    /// arguments (name=value, in order), then the options whose value differs from their default (or that <paramref name="ignore"/>
    /// maps to false), sorted, booleans as t/f, all joined by <see cref="ArgSeparator"/>. Names that <paramref name="ignore"/> maps
    /// to true are left out. Like Lua, it prints each option it keeps (name, value, default), each ignored name and each
    /// unknown one. Example: <c>string dir = cmd.String("exp", opt, new Table { ["gpu"] = true });</c></summary>
    public string String(string? prefix, Table parameters, Table? ignore = null)
    {
        prefix ??= "";
        var named = new List<string>();
        var positional = new SortedDictionary<int, string>();
        foreach (var (k, v) in parameters.Keyed)
        {
            string key = k.ToString();
            LuaValue skip = ignore is null ? LuaValue.Nil : ignore[key];
            if (!skip.IsNil && skip.Object is not false) Print("-- ignore option " + key);
            else if (options.TryGetValue("-" + key, out var o))
            {
                var def = new LuaValue(o.Default);
                if (!v.Equals(def) || skip.Object is false)
                {
                    string value = v.Object is bool b ? (b ? "t" : "f") : Text(v);
                    named.Add(key + KeySeparator + value);
                    Print(key, value, Text(def));
                }
            }
            else
            {
                int n = arguments.FindLastIndex(a => Strip(a.Key) == key);
                if (n >= 0) positional[n] = key + KeySeparator + Text(v);
                else Print("WARNING: unknown option/argument: " + key + " IGNORING for DIRECTORY NAME");
            }
        }
        named.Sort(string.CompareOrdinal);
        string str = string.Join(ArgSeparator, positional.Values);
        str = str == "" ? string.Join(ArgSeparator, named) : str + ArgSeparator + string.Join(ArgSeparator, named);
        return str == "" ? prefix : prefix + ArgSeparator + str;
    }

    /// <summary>From now on, every line written to the console is also written to <paramref name="file"/> (Lua's <c>cmd:log(file,
    /// params)</c>, which replaces <c>print</c>): a line "[program started on DATE]", "[command line arguments]", each parameter
    /// (name and value), "[----------------------]". Each file line is Lua's print record: the <see cref="AddTime"/> prefix, the
    /// values separated by spaces, a space before the newline. <see cref="Silent"/> keeps the console quiet. Returns the writer
    /// now behind <see cref="Console.Out"/>; dispose it to close the file and restore the console.
    /// Example: <c>using var log = cmd.Log(Path.Combine(dir, "log"), opt); Console.WriteLine("epoch 1");</c></summary>
    public IDisposable Log(string file, Table? parameters = null)
    {
        var writer = new LogWriter(active?.Console ?? Console.Out, new StreamWriter(file, append: false))
        {
            Silent = silent,
            DateFormat = dateFormat,
        };
        active?.Dispose();
        Console.SetOut(active = writer);
        Print("[program started on " + Strftime("%c", DateTime.Now) + "]");
        Print("[command line arguments]");
        if (parameters is not null)
            foreach (var (k, v) in parameters.Keyed) Print(Text(k), Text(v));
        Print("[----------------------]");
        return writer;
    }

    /// <summary>Lua's tostring: numbers as LuaJIT writes them (%.14g).</summary>
    static string Text(LuaValue v) => v.Object is double d ? TensorPrinter.FormatG(d, 14) : v.ToString();

    /// <summary>Lua's print of several values: tab-separated on the console; a log file gets them space-separated.</summary>
    static void Print(params string[] values)
    {
        if (active is { } w) w.Print(values);
        else Console.WriteLine(string.Join('\t', values));
    }

    static LogWriter? active; // the writer Log put behind Console.Out (which wraps it), until disposed

    /// <summary>The console writer <see cref="Log"/> installs: each line is one Lua print record, to the console (unless silent) and
    /// to the file.</summary>
    sealed class LogWriter(TextWriter console, TextWriter file) : TextWriter
    {
        readonly StringBuilder line = new();
        internal TextWriter Console { get; } = console;
        internal bool Silent;
        internal string? DateFormat;

        public override Encoding Encoding => Console.Encoding;

        public override void Write(char value)
        {
            if (value == '\n') Print(line.ToString());
            else if (value != '\r') line.Append(value);
        }

        internal void Print(params string[] values)
        {
            line.Clear();
            if (!Silent)
            {
                Console.Write(string.Join('\t', values) + "\n");
                Console.Flush();
            }
            var record = new List<string>();
            if (DateFormat is not null) record.Add(Strftime(DateFormat, DateTime.Now));
            record.AddRange(values);
            record.Add("\n");
            file.Write(string.Join(' ', record));
            file.Flush();
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                if (line.Length > 0) Print(line.ToString());
                file.Dispose();
                if (ReferenceEquals(active, this))
                {
                    active = null;
                    System.Console.SetOut(Console);
                }
            }
            base.Dispose(disposing);
        }
    }

    /// <summary>C's strftime for the conversions Lua's os.date scripts use (%Y %y %m %d %e %H %I %M %S %p %a %A %b %B %h %j %c %x %X
    /// %D %T %F %R %%); any other text is copied.</summary>
    internal static string Strftime(string format, DateTime t)
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        for (int i = 0; i < format.Length; i++)
        {
            if (format[i] != '%' || i + 1 == format.Length) { sb.Append(format[i]); continue; }
            char f = format[++i];
            sb.Append(f switch
            {
                'Y' => t.ToString("yyyy", c), 'y' => t.ToString("yy", c), 'm' => t.ToString("MM", c), 'd' => t.ToString("dd", c),
                'e' => t.Day.ToString(c).PadLeft(2), 'H' => t.ToString("HH", c), 'I' => t.ToString("hh", c), 'M' => t.ToString("mm", c),
                'S' => t.ToString("ss", c), 'p' => t.ToString("tt", c), 'a' => t.ToString("ddd", c), 'A' => t.ToString("dddd", c),
                'b' or 'h' => t.ToString("MMM", c), 'B' => t.ToString("MMMM", c), 'j' => t.DayOfYear.ToString("000", c),
                'c' => Strftime("%a %b %e %H:%M:%S %Y", t), 'x' or 'D' => Strftime("%m/%d/%y", t), 'X' or 'T' => Strftime("%H:%M:%S", t),
                'F' => Strftime("%Y-%m-%d", t), 'R' => Strftime("%H:%M", t), '%' => "%",
                _ => "%" + f,
            });
        }
        return sb.ToString();
    }

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
                if (e.IsOption) sb.Append(" [").Append(Text(new LuaValue(e.Default))).Append(']');
            }
            else sb.Append(line);
            sb.Append('\n');
        }
        return sb.ToString();
    }
}

public static partial class torch
{
    /// <summary>A new <see cref="Torch.CmdLine"/> (Lua's <c>torch.CmdLine([argseparator=",", keyseparator="="])</c>). Example: <c>var cmd = torch.CmdLine();</c></summary>
    public static CmdLine CmdLine(string argSeparator = ",", string keySeparator = "=") => new(argSeparator, keySeparator);
}
