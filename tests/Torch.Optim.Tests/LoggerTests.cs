using System.Buffers.Binary;
using System.Xml.Linq;

namespace Torch.Optim.Tests;

/// <summary>optim.Logger: Torch7's text format, and the PNG/SVG plot.</summary>
public sealed class LoggerTests : IDisposable
{
    readonly string dir = Path.Combine(Path.GetTempPath(), "optim-logger-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void WritesTorch7sTabSeparatedFormat()
    {
        var path = Path.Combine(dir, "sub", "train.log"); // Lua's Logger creates the folder
        using (var log = optim.Logger(path))
        {
            log.SetNames("training error", "test error");
            log.Add(0.5, 12345.678);
            log.Add(-1e-7, 0);
            log.Add(new object[] { 3.0, "n/a" });
            log.Add(new Table(4.0, 5.0)); // a Lua table's array part
        }
        // string.format('%11.4e', v) .. '\t' per value, '\n' per row; the header has one name + '\t' per column
        File.ReadAllText(path).Should().Be(
            "training error\ttest error\t\n" +
            " 5.0000e-01\t 1.2346e+04\t\n" +
            "-1.0000e-07\t 0.0000e+00\t\n" +
            " 3.0000e+00\tn/a\t\n" +
            " 4.0000e+00\t 5.0000e+00\t\n");
    }

    [Fact]
    public void UnnamedValuesGetTheirPositionsAsNames()
    {
        var path = Path.Combine(dir, "unnamed.log");
        using (var log = new Logger(path)) log.Add(1.0, 2.0);
        File.ReadAllText(path).Should().Be("1\t2\t\n 1.0000e+00\t 2.0000e+00\t\n");
    }

    [Fact]
    public void NamedValuesFixTheColumnsOnTheFirstAdd()
    {
        var path = Path.Combine(dir, "named.log");
        using var log = new Logger(path);
        log.Add(new Dictionary<string, object> { ["loss"] = 2.0 });
        log.Add(new Dictionary<string, object> { ["loss"] = 1.0 });
        log.Symbols("loss").Should().Equal(2.0, 1.0);
        File.ReadAllText(path).Should().Be("loss\t\n 2.0000e+00\t\n 1.0000e+00\t\n");
        ((Action)(() => log.Add(new Dictionary<string, object> { ["acc"] = 1.0 }))).Should().Throw<KeyNotFoundException>().WithMessage("*acc*loss*");
        ((Action)(() => log.Add(new object[] { new object() }))).Should().Throw<ArgumentException>().WithMessage("*numbers and strings*");
    }

    [Fact]
    public void PlotWritesAPngAndAnSvgOfTheRightSize()
    {
        var path = Path.Combine(dir, "plot.log");
        using var log = new Logger(path);
        log.SetNames("train", "test").Style("-", "+-");
        for (int i = 1; i <= 20; i++) log.Add(1.0 / i, 1.5 / i);
        log.SetLogScale(true);
        var files = log.Plot();
        files.Should().Equal(path + ".png", path + ".svg");

        var png = File.ReadAllBytes(path + ".png");
        png.Take(8).Should().Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A });
        System.Text.Encoding.ASCII.GetString(png, 12, 4).Should().Be("IHDR");
        BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)).Should().Be(Logger.PlotWidth);
        BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)).Should().Be(Logger.PlotHeight);
        png.Length.Should().BeGreaterThan(2000); // lines, labels and a legend, not a blank image

        var svg = XDocument.Load(path + ".svg").Root!;
        svg.Name.LocalName.Should().Be("svg");
        ((string?)svg.Attribute("width")).Should().StartWith("640");
        ((string?)svg.Attribute("height")).Should().StartWith("480");
        svg.ToString().Should().Contain("Logger::").And.Contain("train");
    }

    [Fact]
    public void PlotNeedsTwoValuesAndStillWritesItsFilesWithDisplayOff()
    {
        using var log = new Logger(Path.Combine(dir, "short.log"));
        log.SetNames("a");
        log.Add(1.0);
        log.Plot().Should().BeEmpty();
        File.Exists(log.PlotFile + ".png").Should().BeFalse();
        log.Add(2.0);
        log.Display(false); // Lua's display(false) closes no file output: its EPS is written either way
        log.ShowPlot.Should().BeFalse();
        log.Plot().Should().HaveCount(2);
        File.Exists(log.PlotFile + ".png").Should().BeTrue();
    }

    [Fact]
    public void A_second_axis_gives_values_of_another_range_their_own_scale()
    {
        static List<double> TickLabels(Logger log)
        {
            log.Plot();
            var numbers = new List<double>();
            foreach (var t in XDocument.Load(log.PlotFile + ".svg").Descendants().Where(e => e.Name.LocalName == "text"))
                if (double.TryParse(t.Value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v)) numbers.Add(v);
            return numbers;
        }
        Logger Log(string name)
        {
            var log = new Logger(Path.Combine(dir, name));
            log.SetNames("train loss", "test accuracy (%)");
            for (int i = 1; i <= 5; i++) log.Add(0.7 - 0.1 * i, 80 + 2 * i);
            return log;
        }
        using var one = Log("one.log");
        TickLabels(one).Should().NotContain(v => v > 0 && v < 1, "on one axis from 0 to 90 the loss has no ticks of its own");
        using var two = Log("two.log");
        two.SecondAxis("test accuracy (%)").Should().BeSameAs(two);
        var ticks = TickLabels(two);
        ticks.Should().Contain(v => v > 0 && v < 1, "the loss's axis").And.Contain(v => v >= 80, "the accuracy's axis");
        ticks.Should().NotContain(v => v >= 10 && v < 80, "neither axis spans the other's range (the X ticks are 1..5)");
        XDocument.Load(two.PlotFile + ".svg").ToString().Should().Contain("test accuracy (%)");
        FluentActions.Invoking(() => two.SecondAxis("accuracy")).Should().Throw<KeyNotFoundException>().WithMessage("*accuracy*train loss*");
    }
}
