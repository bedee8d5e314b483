using System.Diagnostics;
using Torch.Native;

namespace Torch.Tests;

public class NativeLoadingTests
{
    [Fact]
    public void A_tensor_operation_runs_in_libtorch_and_gives_the_right_value()
    {
        var a = torch.Tensor(new double[,] { { 1, 2 }, { 3, 4 } });
        var raw = a.Raw.matmul(a.Raw); // libtorch's own matmul: [[7,10],[15,22]]
        raw.data<double>().ToArray().Should().Equal(7, 10, 15, 22);
    }

    [Fact]
    public void The_repair_relaxes_exactly_the_GLIBCXX_3_4_32_requirement_and_is_idempotent()
    {
        string stock = Directory.EnumerateFiles(AppContext.BaseDirectory, "libLibTorchSharp.so", SearchOption.AllDirectories).First();
        var bytes = File.ReadAllBytes(stock);
        ElfVersionPatch.Requires(bytes, "GLIBCXX_3.4.32").Should().BeTrue("TorchSharp 0.107 was linked against GCC 13's libstdc++");
        var copy = (byte[])bytes.Clone();
        ElfVersionPatch.Relax(copy, "GLIBCXX_3.4.32").Should().BeTrue();
        copy.Zip(bytes).Count(p => p.First != p.Second).Should().BeInRange(1, 4, "a flag and a version index, nothing else");
        ElfVersionPatch.Relax(copy, "GLIBCXX_3.4.32").Should().BeFalse("a second pass changes nothing");
        ElfVersionPatch.Requires(copy, "GLIBCXX_3.4.30").Should().BeTrue("other version requirements stay as they were");
    }

    [Fact]
    public void Bad_bytes_are_refused_with_a_clear_error()
    {
        var act = () => ElfVersionPatch.Relax(new byte[100], "GLIBCXX_3.4.32");
        act.Should().Throw<InvalidDataException>().WithMessage("*64-bit little-endian ELF*");
    }
}
