using System.Globalization;
using ScottPlot;

namespace Torch.Optim;

/// <summary>
/// Lua's <c>optim.Logger</c>: logs named values during training to a tab-separated text file in Torch7's format
/// (a header of names, then one row of <c>%11.4e</c> numbers per <see cref="Add(double[])"/>), and plots them
/// (a PNG and an SVG line chart beside the log, where Torch7 wrote an EPS with gnuplot).
/// </summary>
/// <remarks>Example: <c>var log = new Logger("train.log"); log.SetNames("train error", "test error"); log.Add(0.5, 0.6); log.Plot();</c></remarks>
public sealed class Logger : IDisposable
{
    sealed class Symbol(string name)
    {
        public string Name { get; } = name;
        public List<object> Values { get; } = new();
        public string[] Styles { get; set; } = { DefaultStyleMark };
        public bool Right { get; set; }
    }

    const string DefaultStyleMark = "+";
    readonly TextWriter file;
    readonly bool ownsFile;
    readonly List<Symbol> symbols = new();

    /// <summary>Opens (truncates) the log file, creating its folder; without a file name, logs to standard output.
    /// With <paramref name="timestamp"/>, the file name gets Lua's <c>-%Y_%m_%d_%X</c> suffix.</summary>
    /// <param name="filename">The log file, or null for standard output.</param>
    /// <param name="timestamp">Append a timestamp to the file name.</param>
    /// <example>Example: <c>var log = new Logger("logs/train.log");</c></example>
    public Logger(string? filename = null, bool timestamp = false)
    {
        if (filename is null)
        {
            Name = "stdout";
            file = Console.Out;
            Console.WriteLine("<Logger> warning: no path provided, logging to std out");
            return;
        }
        Name = filename;
        var dir = Path.GetDirectoryName(Path.GetFullPath(filename));
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        if (timestamp) filename += "-" + DateTime.Now.ToString("yyyy_MM_dd_HH:mm:ss", CultureInfo.InvariantCulture);
        file = new StreamWriter(filename, append: false) { NewLine = "\n" };
        ownsFile = true;
        PlotFile = Name;
    }

    /// <summary>The log's name: its file name as given, or "stdout" (Lua's <c>name</c>). Example: <c>log.Name</c></summary>
    public string Name { get; }

    /// <summary>Where <see cref="Plot"/> writes its pictures, without extension (Lua's <c>epsfile</c> without ".eps");
    /// null when logging to standard output. Example: <c>log.PlotFile + ".png"</c></summary>
    public string? PlotFile { get; }

    /// <summary>Lua's <c>showPlot</c> (set by <see cref="Display"/>): whether Lua opens a plot window. There is no window here;
    /// <see cref="Plot"/> writes its files either way, as Lua writes its EPS file either way. Example: <c>log.ShowPlot</c></summary>
    public bool ShowPlot { get; private set; } = true;

    /// <summary>Whether the Y axis is logarithmic (Lua's <c>logscale</c>). Example: <c>log.Logscale</c></summary>
    public bool Logscale { get; private set; }

    /// <summary>The style of a symbol before <see cref="Style(string[])"/> (Lua's <c>defaultStyle</c>, "+"). Example: <c>log.DefaultStyle</c></summary>
    public string DefaultStyle => DefaultStyleMark;

    /// <summary>The symbols' names, in column order (Lua's <c>names</c>). Example: <c>log.Names[0]</c></summary>
    public IReadOnlyList<string> Names => symbols.Select(s => s.Name).ToList();

    /// <summary>Values logged so far for one symbol (Lua's <c>symbols[name]</c>). Example: <c>log.Symbols("train error")</c></summary>
    /// <param name="name">The symbol's name.</param>
    public IReadOnlyList<object> Symbols(string name) => Find(name).Values;

    /// <summary>Declares the columns and writes the header line (Lua's <c>setNames</c>). Example: <c>log.SetNames("train", "test");</c></summary>
    /// <param name="names">The column names.</param>
    public Logger SetNames(params string[] names)
    {
        if (symbols.Count > 0) throw new InvalidOperationException($"Logger.SetNames: the columns are already set ({string.Join(", ", Names)})");
        if (names.Length == 0) throw new ArgumentException("Logger.SetNames: expected at least one name, got none");
        foreach (var n in names) symbols.Add(new Symbol(n));
        WriteRow(names.Select(n => n));
        return this;
    }

    /// <summary>Logs one row of numbers in the order of <see cref="SetNames"/> (Lua's <c>add{v1, v2}</c>). Example: <c>log.Add(0.5, 0.6);</c></summary>
    /// <param name="values">One value per column.</param>
    public Logger Add(params double[] values) => Add(values.Cast<object>().ToArray());

    /// <summary>Logs one row of numbers and strings in column order (Lua's <c>add{v1, 'text'}</c>); before any
    /// <see cref="SetNames"/>, the columns are named "1", "2", ... as Lua names them by their keys. Example: <c>log.Add(0.5, "ok");</c></summary>
    /// <param name="values">One number or string per column.</param>
    public Logger Add(params object[] values)
    {
        if (symbols.Count == 0) SetNames(Enumerable.Range(1, values.Length).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray());
        if (values.Length != symbols.Count)
            throw new ArgumentException($"Logger.Add: expected {symbols.Count} values ({string.Join(", ", Names)}), got {values.Length}");
        return Log(symbols.Zip(values));
    }

    /// <summary>Logs named values (Lua's <c>add{['train error'] = v}</c>); the first call fixes the columns and writes the header.
    /// Example: <c>log.Add(new Dictionary&lt;string, object&gt; { ["train error"] = 0.5 });</c></summary>
    /// <param name="values">Name to number or string.</param>
    public Logger Add(IDictionary<string, object> values)
    {
        if (symbols.Count == 0)
        {
            foreach (var k in values.Keys) symbols.Add(new Symbol(k));
            WriteRow(values.Keys);
        }
        return Log(values.Select(kv => (Find(kv.Key), kv.Value)));
    }

    /// <summary>Logs a Lua table as Lua's <c>add</c> does: its array part in column order, or else its string keys by name.
    /// Example: <c>log.Add(new Table(0.5, 0.6));</c></summary>
    /// <param name="values">A table of numbers and strings.</param>
    public Logger Add(Table values)
    {
        ArgumentNullException.ThrowIfNull(values, "Logger.Add: values");
        if (values.Length > 0) return Add(values.IPairs().Select(v => v.Object!).ToArray());
        return Add(values.Keyed.ToDictionary(
            kv => kv.Key.Object as string ?? throw new ArgumentException($"Logger.Add: expected string keys or an array, got the key {kv.Key.Describe()}"),
            kv => kv.Value.Object!));
    }

    Logger Log(IEnumerable<(Symbol Symbol, object Value)> row)
    {
        var cells = row.ToList();
        var text = cells.Select(c => c.Value switch
        {
            string s => s,
            double or float or int or long => LuaFormat.Sci4(Convert.ToDouble(c.Value, CultureInfo.InvariantCulture), 11),
            _ => throw new ArgumentException($"Logger.Add: can only log numbers and strings, got {c.Value?.GetType().Name ?? "null"} for '{c.Symbol.Name}'"),
        }).ToList();
        WriteRow(text);
        foreach (var (symbol, value) in cells) symbol.Values.Add(value);
        return this;
    }

    void WriteRow(IEnumerable<string> cells)
    {
        foreach (var c in cells) file.Write(c + "\t");
        file.Write("\n");
        file.Flush();
    }

    Symbol Find(string name) => symbols.FirstOrDefault(s => s.Name == name)
        ?? throw new KeyNotFoundException($"Logger: no symbol named '{name}' (have: {string.Join(", ", Names)})");

    /// <summary>Sets the plot styles in column order (Lua's <c>style{'-', '+'}</c>): "-" lines, "+" crosses, "." dots,
    /// "+-" lines with crosses, "~" smooth lines. Example: <c>log.Style("-", "-");</c></summary>
    /// <param name="styles">One style per column.</param>
    public Logger Style(params string[] styles)
    {
        if (styles.Length > symbols.Count)
            throw new ArgumentException($"Logger.Style: {styles.Length} styles for {symbols.Count} columns");
        for (int i = 0; i < styles.Length; i++) symbols[i].Styles = new[] { styles[i] };
        return this;
    }

    /// <summary>Sets the plot styles by name (Lua's <c>style{['train error'] = '-'}</c>); a symbol may get several.
    /// Example: <c>log.Style(new Dictionary&lt;string, string[]&gt; { ["train error"] = new[] { "-" } });</c></summary>
    /// <param name="styles">Name to styles.</param>
    public Logger Style(IDictionary<string, string[]> styles)
    {
        foreach (var (name, st) in styles) Find(name).Styles = st;
        return this;
    }

    /// <summary>Draws these symbols against a second Y axis on the right, with its own scale, so that values of different
    /// ranges (a loss near 0.3, an accuracy near 90) each fill the plot. Not in Lua, whose gnuplot plot has one axis.
    /// Example: <c>log.SecondAxis("test accuracy (%)");</c></summary>
    /// <param name="names">The symbols for the right-hand axis.</param>
    public Logger SecondAxis(params string[] names)
    {
        foreach (var name in names) Find(name).Right = true;
        return this;
    }

    /// <summary>Turns the logarithmic Y axis on or off (Lua's <c>setlogscale</c>). Example: <c>log.SetLogScale(true);</c></summary>
    /// <param name="value">Whether Y is logarithmic.</param>
    public void SetLogScale(bool value) => Logscale = value;

    /// <summary>Sets <see cref="ShowPlot"/> (Lua's <c>display</c>, which turns the plot window on or off). Example: <c>log.Display(false);</c></summary>
    /// <param name="value">Whether Lua would open a window.</param>
    public void Display(bool value) => ShowPlot = value;

    /// <summary>
    /// Draws every symbol with more than one numeric value (or only the named ones) as a line chart titled
    /// <c>&lt;Logger::name&gt;</c>, and writes it to <see cref="PlotFile"/> + ".png" and ".svg".
    /// Returns the files written (none when logging to stdout or when no symbol has two numeric values); symbols given to
    /// <see cref="SecondAxis"/> are drawn against a right-hand axis of their own.
    /// Example: <c>log.Plot();</c>
    /// </summary>
    /// <param name="names">Symbols to plot (default all).</param>
    public IReadOnlyList<string> Plot(params string[] names)
    {
        var chosen = (names.Length == 0 ? symbols : names.Select(Find).ToList())
            .Where(s => s.Values.Count(v => v is not string) > 1).ToList();
        if (chosen.Count == 0 || PlotFile is null) return Array.Empty<string>();
        var plot = new ScottPlot.Plot();
        foreach (var s in chosen)
        {
            var ys = s.Values.Where(v => v is not string).Select(v => Convert.ToDouble(v, CultureInfo.InvariantCulture)).ToArray();
            if (Logscale) ys = ys.Select(Math.Log10).ToArray();
            var xs = Enumerable.Range(1, ys.Length).Select(i => (double)i).ToArray();
            foreach (var style in s.Styles) AddSeries(plot, xs, ys, s.Name, style).Axes.YAxis = s.Right ? plot.Axes.Right : plot.Axes.Left;
        }
        if (chosen.Any(s => s.Right))
        {
            plot.Axes.Left.Label.Text = string.Join(", ", chosen.Where(s => !s.Right).Select(s => s.Name));
            plot.Axes.Right.Label.Text = string.Join(", ", chosen.Where(s => s.Right).Select(s => s.Name));
        }
        if (Logscale)
            foreach (var axis in new[] { plot.Axes.Left, plot.Axes.Right })
                axis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
                {
                    MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
                    LabelFormatter = y => Math.Pow(10, y).ToString("G3", CultureInfo.InvariantCulture),
                };
        plot.Title($"<Logger::{Name}>");
        plot.ShowLegend();
        string png = PlotFile + ".png", svg = PlotFile + ".svg";
        plot.SavePng(png, PlotWidth, PlotHeight);
        plot.SaveSvg(svg, PlotWidth, PlotHeight);
        return new[] { png, svg };
    }

    /// <summary>Width of the pictures <see cref="Plot"/> writes, in pixels (640, gnuplot's default). Example: <c>Logger.PlotWidth</c></summary>
    public const int PlotWidth = 640;

    /// <summary>Height of the pictures <see cref="Plot"/> writes, in pixels (480, gnuplot's default). Example: <c>Logger.PlotHeight</c></summary>
    public const int PlotHeight = 480;

    static ScottPlot.Plottables.Scatter AddSeries(ScottPlot.Plot plot, double[] xs, double[] ys, string name, string style)
    {
        var sc = plot.Add.Scatter(xs, ys);
        sc.LegendText = name;
        bool line = style.Contains('-') || style.Contains('~'), marks = style.Contains('+') || style.Contains('.');
        sc.LineWidth = line ? 1.5f : 0;
        sc.MarkerSize = marks ? (style.Contains('.') ? 3 : 6) : 0;
        sc.MarkerShape = style.Contains('.') ? MarkerShape.FilledCircle : MarkerShape.Cross;
        sc.Smooth = style.Contains('~');
        return sc;
    }

    /// <summary>Closes the log file (standard output stays open). Example: <c>log.Dispose();</c></summary>
    public void Dispose()
    {
        if (ownsFile) file.Dispose();
    }
}
