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

    /// <summary>A module file as Torch7 writes one, from a module whose listed fields were set to nil first.</summary>
    static object Reloaded(object o) => torch.Deserialize(torch.Serialize(o))!;

    [Fact]
    public void A_module_loaded_without_its_tensors_prints_nil_and_its_forward_names_the_nil_fields()
    {
        // Torch7 loads nn.Linear {inputSize, outputSize} and fails on forward with "attempt to index field 'weight' (a nil value)";
        // here the forward raised a NullReferenceException and printing it raised one too
        var m = (Module)torch.Deserialize(Module("nn.Linear", ("inputSize", 3), ("outputSize", 2)))!;
        m.ToString().Should().Be("nn.Linear(nil -> nil) without bias");
        var forward = () => m.Forward(torch.Ones(4, 3));
        forward.Should().Throw<InvalidOperationException>().WithMessage(
            "nn.Linear(nil -> nil) without bias: a nil field was reached with the input torch.DoubleTensor of size 4x3 (nil here: weight, gradWeight, bias, gradBias)*")
            .WithInnerException<NullReferenceException>();

        var seq = nn.Sequential();
        seq.Add(nn.Tanh());
        seq.Add(m);
        var inside = () => ((Module)Reloaded(seq)).Forward(torch.Ones(4, 3));
        inside.Should().Throw<InvalidOperationException>().WithMessage("In 2 module of nn.Sequential:\nnn.Linear(nil -> nil) without bias: a nil field*(nil here: weight,*");
    }

    [Fact]
    public void A_module_loaded_without_a_gradient_runs_forward_and_its_backward_names_the_gradient()
    {
        var lin = nn.Linear(3, 2);
        lin.GradWeight = null!;
        var loaded = (Module)Reloaded(lin);
        loaded.Forward(torch.Ones(3)).AsTensor.ToArray().Should().Equal(lin.Forward(torch.Ones(3)).AsTensor.ToArray());
        var backward = () => loaded.Backward(torch.Ones(3), torch.Ones(2));
        backward.Should().Throw<InvalidOperationException>().WithMessage(
            "nn.Linear(3 -> 2): a nil field was reached with the gradOutput torch.DoubleTensor of size 2 for the input torch.DoubleTensor of size 3 (nil here: gradWeight)*");
    }

    [Fact]
    public void A_container_or_criterion_loaded_without_its_parts_prints_and_fails_naming_them()
    {
        var seq = (Module)torch.Deserialize(Module("nn.Sequential", ("train", 1)))!;
        seq.ToString().Should().Be("nn.Sequential {modules: nil}");
        var forward = () => seq.Forward(torch.Ones(2));
        forward.Should().Throw<InvalidOperationException>().WithMessage("nn.Sequential: a nil field was reached with the input*(nil here: modules, weight,*");

        var ce = (Criterion)torch.Deserialize(Module("nn.CrossEntropyCriterion", ("sizeAverage", 1)))!;
        var loss = () => ce.Forward(torch.Ones(2, 3), torch.Tensor(new[] { 1.0, 2 }));
        loss.Should().Throw<InvalidOperationException>().WithMessage("nn.CrossEntropyCriterion: a nil field was reached with the input torch.DoubleTensor of size 2x3 and target torch.DoubleTensor of size 2 (nil here: lsm, nll*");
    }

    [Fact]
    public void Libtorch_refusing_a_child_of_a_container_says_which_module_without_Cpp_frames()
    {
        // a gradWeight of the wrong shape (as a file can give) made Sequential's backward pass libtorch's text and C++ frames on
        var lin = nn.Linear(3, 2);
        lin.GradWeight = torch.Zeros(5, 5);
        var seq = nn.Sequential();
        seq.Add(lin);
        seq.Forward(torch.Ones(3));
        var backward = () => seq.Backward(torch.Ones(3), torch.Ones(2));
        var e = backward.Should().Throw<ArgumentException>().WithMessage("In 1 module of nn.Sequential:\nnn.Linear(3 -> 2): libtorch refused the gradOutput torch.DoubleTensor of size 2 for the input torch.DoubleTensor of size 3: size mismatch*").Which;
        e.Message.Should().NotContain("Exception raised from").And.NotContain("frame #");
    }
}
