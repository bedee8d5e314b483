using System.Globalization;
using System.Text;

namespace Torch;

/// <summary>
/// Torch7's <c>tostring</c> for tensors and storages (torch7 Tensor.lua), byte for byte: one number format
/// chosen from all the elements, a common scale factor line, "Columns a to b" blocks at 80 characters,
/// "(i,j,.,.) = " slices and the "[torch.DoubleTensor of size 4x6]" footer.
/// </summary>
internal static class TensorPrinter
{
    static readonly CultureInfo C = CultureInfo.InvariantCulture;

    sealed record Format(char Kind, int Width, double? Scale)
    {
        public string Apply(double v) => Kind switch
        {
            'd' => Pad(((long)v).ToString(C), Width),
            'e' => Pad(FormatE(v), Width),
            'n' => FormatFixed(v, 6), // Lua falls back to %f when the format computation met a NaN or an infinity
            _ => Pad(FormatF(v), Width),
        };
    }

    static string Pad(string s, int w) => s.Length >= w ? s : new string(' ', w - s.Length) + s;

    static string FormatF(double v) => FormatFixed(v, 4);

    /// <summary>%.{decimals}f as Torch7's LuaJIT writes it: inf, -inf, and nan whatever the NaN's sign bit
    /// (LuaJIT formats numbers itself, and never writes glibc's -nan).</summary>
    internal static string FormatFixed(double v, int decimals) => NonFinite(v) ?? v.ToString("F" + decimals, C);

    static string? NonFinite(double v) =>
        double.IsNaN(v) ? "nan" : double.IsInfinity(v) ? (v > 0 ? "inf" : "-inf") : null;

    /// <summary>C's %.4e: mantissa with 4 decimals, exponent with a sign and at least two digits.</summary>
    internal static string FormatE(double v, int decimals = 4)
    {
        if (NonFinite(v) is { } special) return special;
        string s = v.ToString("E" + decimals, C); // e.g. 1.2346E+005
        int e = s.IndexOf('E');
        int exp = int.Parse(s.AsSpan(e + 1), NumberStyles.AllowLeadingSign, C);
        return s[..e] + "e" + (exp < 0 ? "-" : "+") + Math.Abs(exp).ToString("00", C);
    }

    /// <summary>C's %.{precision}g (6 by default, as Lua's %g): .NET's G rounds and switches to exponents by the same rule;
    /// only the exponent is written C's way (e+05, not E+05).</summary>
    internal static string FormatG(double v, int precision = 6)
    {
        if (NonFinite(v) is { } special) return special;
        string s = v.ToString("G" + precision, C);
        int e = s.IndexOf('E');
        if (e < 0) return s;
        int exp = int.Parse(s.AsSpan(e + 1), NumberStyles.AllowLeadingSign, C);
        return s[..e] + "e" + (exp < 0 ? "-" : "+") + Math.Abs(exp).ToString("00", C);
    }

    /// <summary>Storage__printformat of torch7's Tensor.lua.</summary>
    static Format Choose(ReadOnlySpan<double> values)
    {
        bool intMode = true;
        double min = double.PositiveInfinity, max = 0;
        bool nan = false;
        foreach (var v in values)
        {
            if (v != Math.Ceiling(v)) intMode = false;
            double a = Math.Abs(v);
            if (double.IsNaN(a)) { nan = true; continue; }
            if (a < min) min = a;
            if (a > max) max = a;
        }
        if (nan) return new Format('n', 0, null);
        // Lua numbers: an infinite element makes expMax infinite, which selects %e as in Lua
        double expMin = min != 0 ? Math.Floor(Math.Log10(min)) + 1 : 1;
        double expMax = max != 0 ? Math.Floor(Math.Log10(max)) + 1 : 1;
        if (intMode)
            return expMax > 9 ? new Format('e', 11, null) : new Format('d', (int)expMax + 1, null);
        if (expMax - expMin > 4)
            return new Format('e', Math.Abs(expMax) > 99 || Math.Abs(expMin) > 99 ? 12 : 11, null);
        if (expMax > 5 || expMax < 0)
        {
            double scale = Math.Pow(10, expMax - 1);
            return new Format('f', 7, scale == 1 ? null : scale);
        }
        return new Format('f', expMax == 0 ? 7 : (int)expMax + 6, null);
    }

    internal static string Storage(double[] values, string typeName)
    {
        var sb = new StringBuilder();
        Vector(sb, values);
        sb.Append('[').Append(typeName).Append(" of size ").Append(values.Length).Append("]\n");
        return sb.ToString();
    }

    static void Vector(StringBuilder sb, double[] values)
    {
        if (values.Length == 0) return;
        var f = Choose(values);
        if (f.Scale is double scale)
        {
            sb.Append(FormatG(scale)).Append(" *\n");
            foreach (var v in values) sb.Append(f.Apply(v / scale)).Append('\n');
        }
        else foreach (var v in values) sb.Append(f.Apply(v)).Append('\n');
    }

    internal static string Tensor(double[] values, long[] sizes, string typeName)
    {
        var sb = new StringBuilder();
        if (sizes.Length == 0)
            return values.Length == 1 ? FormatG(values[0], 14) // a 0-dim view (Select of a 1-D tensor): Lua has a number there
                : sb.Append('[').Append(typeName).Append(" with no dimension]\n").ToString();
        if (sizes.Length == 1) Vector(sb, values);
        else
        {
            var f = Choose(values);
            if (sizes.Length == 2) Matrix(sb, values, 0, sizes[0], sizes[1], f, "");
            else Slices(sb, values, sizes, f);
        }
        sb.Append('[').Append(typeName).Append(" of size ").Append(string.Join("x", sizes)).Append("]\n");
        return sb.ToString();
    }

    static void Slices(StringBuilder sb, double[] values, long[] sizes, Format f)
    {
        int outer = sizes.Length - 2;
        long rows = sizes[^2], cols = sizes[^1], block = rows * cols;
        var counter = new long[outer];
        long nBlocks = values.Length / Math.Max(block, 1);
        for (long b = 0; b < nBlocks; b++)
        {
            long rem = b, start = 0; // Torch7 counts the slices with the FIRST index fastest: (1,1), (2,1), (1,2), ...
            for (int i = 0; i < outer; i++) { counter[i] = rem % sizes[i] + 1; rem /= sizes[i]; }
            for (int i = 0; i < outer; i++) start = start * sizes[i] + counter[i] - 1;
            if (b > 0) sb.Append('\n');
            sb.Append('(');
            foreach (var c in counter) sb.Append(c).Append(',');
            sb.Append(".,.) = \n");
            Matrix(sb, values, start * block, rows, cols, f, " ");
        }
    }

    static void Matrix(StringBuilder sb, double[] values, long start, long rows, long cols, Format f, string indent)
    {
        double scale = f.Scale ?? 1;
        sb.Append(indent);
        long perLine = (80 - indent.Length) / (f.Width + 1);
        long first = 1;
        while (first <= cols)
        {
            long last = first + perLine - 1 <= cols ? first + perLine - 1 : cols;
            if (perLine < cols)
            {
                if (first != 1) sb.Append('\n');
                sb.Append("Columns ").Append(first).Append(" to ").Append(last).Append('\n').Append(indent);
            }
            if (scale != 1) sb.Append(FormatG(scale)).Append(" *\n ").Append(indent);
            for (long l = 1; l <= rows; l++)
            {
                for (long c = first; c <= last; c++)
                {
                    sb.Append(f.Apply(values[start + (l - 1) * cols + (c - 1)] / scale));
                    if (c == last)
                    {
                        sb.Append('\n');
                        if (l != rows) sb.Append(scale != 1 ? indent + " " : indent);
                    }
                    else sb.Append(' ');
                }
            }
            first = last + 1;
        }
    }
}
