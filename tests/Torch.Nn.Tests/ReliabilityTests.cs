namespace Torch.Nn.Tests;

/// <summary>Issue 13's nn findings: containers that hold themselves print instead of overflowing the stack; nn.IndexLinear
/// checks what a forward saved against the weight and buffers before its raw loops, instead of corrupting the heap.</summary>
public class ReliabilityTests
{
    [Fact]
    public void A_container_that_holds_itself_prints_its_address()
    {
        var seq = nn.Sequential();
        seq.Add(nn.Linear(2, 3));
        var inner = nn.Sequential();
        inner.Add(seq);
        seq.Add(inner);
        string text = seq.ToString();
        text.Should().MatchRegex(@"\(1\): nn\.Sequential: 0x[0-9a-f]{8}");
        text.Should().StartWith("nn.Sequential {\n  [input -> (1) -> (2) -> output]\n  (1): nn.Linear(2 -> 3)\n  (2): nn.Sequential {");
        var wrapped = nn.Sequential();
        var deep = wrapped;
        for (int i = 0; i < 3000; i++) { var next = nn.Sequential(); deep.Add(next); deep = next; }
        wrapped.ToString().Should().Contain("nn.Sequential: 0x");
    }

    static Table Input() => new(torch.LongTensor(new[] { 1.0, 3 }), torch.Tensor(new[] { 0.5, 2 }));

    [Fact]
    public void IndexLinear_refuses_a_gradBias_that_does_not_fit()
    {
        var il = nn.IndexLinear(5, 3);
        il.Forward(Input());
        il.GradBias = torch.DoubleTensor(1);
        var act = () => il.Backward(Input(), torch.Ones(3));
        act.Should().Throw<ArgumentException>().WithMessage("*expected a gradBias of 3 elements (outputSize), got size 1*");
    }

    [Fact]
    public void IndexLinear_refuses_rows_saved_by_a_forward_that_the_weight_no_longer_has()
    {
        var il = nn.IndexLinear(5, 3);
        il.Forward(new Table(torch.LongTensor(new[] { 5.0 }), torch.Tensor(new[] { 1.0 })));
        il.Weight = torch.Zeros(2, 3);
        var backward = () => il.AccUpdateGradParameters(Input(), torch.Ones(3), 0.1);
        backward.Should().Throw<InvalidOperationException>().WithMessage("*reach weight row 5 but the weight now has 2 rows*");

        var again = nn.IndexLinear(5, 3);
        again.Forward(new Table(torch.LongTensor(new[] { 5.0 }), torch.Tensor(new[] { 1.0 })));
        again.Backward(Input(), torch.Ones(3));
        again.Weight = torch.Zeros(2, 3);
        var update = () => again.UpdateParameters(0.1);
        update.Should().Throw<InvalidOperationException>().WithMessage("*accumulated gradient rows reach weight row 5*");
    }

    [Fact]
    public void IndexLinear_refuses_normalize_switched_on_after_the_forward()
    {
        var il = nn.IndexLinear(5, 3);
        il.Forward(Input());
        il.Normalize = 4;
        il.Weight = torch.Zeros(5, 7);
        var act = () => il.AccGradParameters(Input(), torch.Ones(3));
        act.Should().Throw<InvalidOperationException>().WithMessage("*normalize was switched on after the last forward*");
    }
}

/// <summary>Issue 13: a 99-byte file naming nn.Linear {inputSize = 8192, outputSize = 8192} allocated 512 MiB, and
/// nn.LookupTable {nIndex = 2e8} 3 GiB, when loading called constructors with sizes from the file. Loading builds modules
/// from their fields, as Lua's read does: what the file does not hold is not allocated.</summary>
public class HostileModuleFileTests
{
    static byte[] Module(string className, params (string Key, double Value)[] numbers)
    {
        var m = new MemoryStream();
        void Int(int v) => m.Write(BitConverter.GetBytes(v));
        void Str(string s) { Int(s.Length); m.Write(System.Text.Encoding.ASCII.GetBytes(s)); }
        Int(4); Int(1); Str("V 1"); Str(className);
        Int(3); Int(2); Int(numbers.Length);
        foreach (var (k, v) in numbers) { Int(2); Str(k); Int(1); m.Write(BitConverter.GetBytes(v)); }
        return m.ToArray();
    }

    [Theory]
    [InlineData("nn.Linear", "inputSize", 8192.0, "outputSize", 8192.0)]
    [InlineData("nn.LookupTable", "nIndex", 2e8, "nOutput", 2.0)]
    [InlineData("nn.IndexLinear", "inputSize", 1e9, "outputSize", 3.0)]
    public void Sizes_in_a_file_allocate_nothing(string className, string k1, double v1, string k2, double v2)
    {
        var bytes = Module(className, (k1, v1), (k2, v2));
        bytes.Length.Should().BeLessThan(120);
        long before = GC.GetTotalAllocatedBytes(precise: true);
        var m = (Module)torch.Deserialize(bytes)!;
        m.TypeName.Should().Be(className);
        m.Weight.Should().BeNull("the file holds no weight");
        (GC.GetTotalAllocatedBytes(precise: true) - before).Should().BeLessThan(1 << 20);
    }
}
