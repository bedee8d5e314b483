using System.Globalization;

namespace Torch.Optim;

/// <summary>Number formatting as Lua and C's printf write it, for output that must match Torch7's byte for byte.</summary>
internal static class LuaFormat
{
    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Lua's <c>tostring(number)</c> (<c>%.14g</c>).</summary>
    public static string Number(double v) =>
        NonFinite(v) ?? v.ToString("G14", Inv).Replace("E", "e"); // .NET pads G exponents to two digits, as C does

    /// <summary>C's <c>%.{decimals}f</c>.</summary>
    public static string Fixed(double v, int decimals) => NonFinite(v) ?? v.ToString("F" + decimals, Inv);

    /// <summary>C's <c>%{width}.4e</c>.</summary>
    public static string Sci4(double v, int width) => (NonFinite(v) ?? v.ToString("0.0000e+00", Inv)).PadLeft(width);

    /// <summary>glibc's spelling of infinities and NaNs (a NaN with its sign bit set prints as <c>-nan</c>).</summary>
    static string? NonFinite(double v) =>
        double.IsNaN(v) ? (BitConverter.DoubleToInt64Bits(v) < 0 ? "-nan" : "nan")
        : double.IsPositiveInfinity(v) ? "inf"
        : double.IsNegativeInfinity(v) ? "-inf"
        : null;
}
