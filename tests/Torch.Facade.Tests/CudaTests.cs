namespace Torch.Tests;

/// <summary>On this CPU-only build every CUDA request gives a clear .NET error; with a GPU build they run.</summary>
public class CudaTests
{
    [SkippableFact]
    public void Cuda_requests_without_CUDA_say_what_is_missing()
    {
        Skip.If(cutorch.IsAvailable(), "a CUDA build with a device: the GPU path is what runs here");
        cutorch.GetDeviceCount().Should().Be(0);
        foreach (var act in new Action[]
                 {
                     () => torch.CudaTensor(2, 3),
                     () => torch.Tensor(3).Cuda(),
                     () => torch.Tensor(3).Type("torch.CudaTensor"),
                     () => torch.SetDefaultTensorType("torch.CudaTensor"),
                     () => cutorch.SetDevice(1),
                     () => cutorch.Synchronize(),
                     () => cutorch.WithDevice(1, () => { }),
                 })
            act.Should().Throw<InvalidOperationException>().WithMessage("*CUDA is not available*-p:TorchBackend=cuda*");
        torch.GetDefaultTensorType().Should().Be("torch.DoubleTensor", "a failed switch leaves the default alone");
        torch.Tensor(3).GetDevice().Should().Be(0, "a CPU tensor has no device");
    }

    [Fact]
    public void Cuda_type_names_follow_cutorch()
    {
        TensorType.Name(TorchSharp.torch.ScalarType.Float32, cuda: true).Should().Be("torch.CudaTensor");
        TensorType.Name(TorchSharp.torch.ScalarType.Float64, cuda: true).Should().Be("torch.CudaDoubleTensor");
        TensorType.Parse("torch.CudaLongTensor").Should().Be((TorchSharp.torch.ScalarType.Int64, true));
        var act = () => TensorType.Parse("torch.FooTensor");
        act.Should().Throw<ArgumentException>().WithMessage("unknown tensor type 'torch.FooTensor'*");
    }
}
