namespace Torch.Facade.Tests;

/// <summary>tostring() of tensors and storages of every type and dimension, with inf, -inf, nan, huge and tiny values,
/// against the real Lua Torch7 (tests/Oracle/print.t7, written by tools/torch7/fixtures-print.lua): byte for byte.</summary>
public class OraclePrintTests
{
    public static IEnumerable<object[]> Cases() =>
        Oracle.Load("print").Keyed.Select(kv => (string)kv.Key).Order(StringComparer.Ordinal).Select(n => new object[] { n });

    [Theory]
    [MemberData(nameof(Cases))]
    public void PrintsAsTorch7(string name)
    {
        var c = Oracle.Load("print")[name].AsTable;
        c["value"].Object!.ToString().Should().Be((string)c["print"]);
    }
}
