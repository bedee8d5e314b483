namespace Torch.Tests;

public class TableTests
{
    [Fact]
    public void Array_part_is_one_based_and_string_keys_work()
    {
        var x = torch.Tensor(2); var y = torch.Tensor(3);
        var t = new Table(x, y);
        Tensor first = t[1];
        first.Should().BeSameAs(x);
        t.Length.Should().Be(2);
        t[3].IsNil.Should().BeTrue();
        t["full"] = y;
        Tensor full = t["full"];
        full.Should().BeSameAs(y);
        t.Length.Should().Be(2, "string keys are not in the array part");
    }

    [Fact]
    public void Integer_keys_join_the_array_part_as_Lua_does()
    {
        var t = new Table();
        t[2] = "b";
        t.Length.Should().Be(0);
        t[1] = "a";
        t.Length.Should().Be(2);
        ((string)t[2]).Should().Be("b");
        t.Remove(1).ToString().Should().Be("a");
        ((string)t[1]).Should().Be("b");
    }

    [Fact]
    public void Wrong_conversions_name_what_was_held()
    {
        LuaValue v = 3.0;
        var act = () => { Tensor _ = v; };
        act.Should().Throw<InvalidCastException>().WithMessage("expected a Tensor, got number");
    }
}
