using Torch.Nn;
using Torch.Optim;
using TorchSharp;
using TS = TorchSharp.torch;
using TT = TorchSharp.torch.Tensor;

namespace Torch.Benchmarks;

/// <summary>
/// Two real Torch7 programs' training iterations, ported line by line (group "dcgan resnet"): dcgan.torch's main.lua (netD and netG
/// steps with <c>optim.adam</c>; 32x32 images, so one stage fewer than its 64x64 nets; ngf = ndf = 16, batch 8, nz 100) and
/// fb.resnet.torch's CIFAR ResNet-8 (models/resnet.lua, depth 8, shortcut type A; train.lua's <c>optim.sgd</c> with Nesterov
/// momentum 0.9 and weight decay 1e-4, batch 16), each in float and double; against the same work in raw TorchSharp (the
/// idiomatic loop of PyTorch's own examples), alternated in one process. The anchors (Torch7, PyTorch) are benchmarks/anchors/
/// dcgan.lua, resnet.lua and convnets.py.
/// </summary>
static class ConvNetBenchmarks
{
    const int Nz = 100, Ngf = 16, Ndf = 16, Nc = 3, DcganBatch = 8, ResNetBatch = 16;

    static readonly (string Lua, TS.ScalarType Raw, string Name)[] Types =
        { ("torch.FloatTensor", TS.ScalarType.Float32, "float"), ("torch.DoubleTensor", TS.ScalarType.Float64, "double") };

    /// <summary>dcgan's iteration in float and double.</summary>
    public static bool RunDcgan() =>
        Types.Aggregate(true, (ok, t) => Compare($"dcgan 32x32, ngf=ndf=16, batch 8, Adam, {t.Name}", Dcgan(t.Lua), DcganRaw(t.Raw)) & ok);

    /// <summary>ResNet-8's iteration in float and double.</summary>
    public static bool RunResNet() =>
        Types.Aggregate(true, (ok, t) => Compare($"ResNet-8 CIFAR, batch 16, SGD nesterov, {t.Name}", ResNet(t.Lua), ResNetRaw(t.Raw)) & ok);

    /// <summary>The per-module profile of the library's iterations ("convprofile"): milliseconds per iteration of each module's
    /// forward, updateGradInput and accGradParameters, and of the optimiser's update.</summary>
    public static void Profile()
    {
        foreach (var t in Types)
            foreach (var (name, build) in new (string, Func<string, ModuleTimes, Action>)[] { ("dcgan", Dcgan), ("ResNet-8", ResNet) })
            {
                var times = new ModuleTimes();
                times.Measure($"{name} {t.Name}", build(t.Lua, times));
            }
    }

    /// <summary>Prints the ratio line (best of alternated rounds) and the facade's median ms per iteration, the figure the anchors print.</summary>
    static bool Compare(string name, Action facade, Action raw)
    {
        static Action<int> Loop(Action step) => n => { for (int i = 0; i < n; i++) step(); };
        var r = Bench.NsPerOp(Loop(facade), Loop(raw), 10, rounds: 7);
        bool ok = Bench.Compare(name, r, 1.00, "ms/it", 1e-6);
        Console.WriteLine($"  (median ms per iteration, 15 iterations: facade {Bench.MedianMs(facade, 15):F2}, raw TorchSharp {Bench.MedianMs(raw, 15):F2})");
        return ok;
    }

    /// <summary>Builds with <paramref name="type"/> as the default tensor type (as main.lua's setdefaulttensortype), then restores it.</summary>
    static T WithDefaultType<T>(string type, Func<T> build)
    {
        string saved = torch.GetDefaultTensorType();
        torch.SetDefaultTensorType(type);
        try { return build(); }
        finally { torch.SetDefaultTensorType(saved); }
    }

    // ---------------------------------------------------------------- dcgan.torch main.lua

    static Action Dcgan(string type, ModuleTimes? times = null) => WithDefaultType<Action>(type, () =>
    {
        torch.ManualSeed(1);
        void WeightsInit(Module m)
        {
            if (m.TypeName.Contains("Convolution"))
            {
                m.Weight!.Normal(0.0, 0.02);
                m.NoBias();
            }
            else if (m.TypeName.Contains("BatchNormalization"))
            {
                m.Weight?.Normal(1.0, 0.02);
                m.Bias?.Fill(0);
            }
        }
        const double realLabel = 1, fakeLabel = 0;

        var netG = nn.Sequential();
        netG.Add(nn.SpatialFullConvolution(Nz, Ngf * 4, 4, 4));
        netG.Add(nn.SpatialBatchNormalization(Ngf * 4)).Add(nn.ReLU(true));
        netG.Add(nn.SpatialFullConvolution(Ngf * 4, Ngf * 2, 4, 4, 2, 2, 1, 1));
        netG.Add(nn.SpatialBatchNormalization(Ngf * 2)).Add(nn.ReLU(true));
        netG.Add(nn.SpatialFullConvolution(Ngf * 2, Ngf, 4, 4, 2, 2, 1, 1));
        netG.Add(nn.SpatialBatchNormalization(Ngf)).Add(nn.ReLU(true));
        netG.Add(nn.SpatialFullConvolution(Ngf, Nc, 4, 4, 2, 2, 1, 1));
        netG.Add(nn.Tanh());
        netG.Apply(WeightsInit);

        var netD = nn.Sequential();
        netD.Add(nn.SpatialConvolution(Nc, Ndf, 4, 4, 2, 2, 1, 1));
        netD.Add(nn.LeakyReLU(0.2, true));
        netD.Add(nn.SpatialConvolution(Ndf, Ndf * 2, 4, 4, 2, 2, 1, 1));
        netD.Add(nn.SpatialBatchNormalization(Ndf * 2)).Add(nn.LeakyReLU(0.2, true));
        netD.Add(nn.SpatialConvolution(Ndf * 2, Ndf * 4, 4, 4, 2, 2, 1, 1));
        netD.Add(nn.SpatialBatchNormalization(Ndf * 4)).Add(nn.LeakyReLU(0.2, true));
        netD.Add(nn.SpatialConvolution(Ndf * 4, 1, 4, 4));
        netD.Add(nn.Sigmoid());
        netD.Add(nn.View(1).SetNumInputDims(3));
        netD.Apply(WeightsInit);

        var criterion = nn.BCECriterion();
        var optimStateG = new AdamConfig { LearningRate = 0.0002, Beta1 = 0.5 };
        var optimStateD = new AdamConfig { LearningRate = 0.0002, Beta1 = 0.5 };
        var input = torch.Tensor(DcganBatch, 3, 32, 32);
        var noise = torch.Tensor(DcganBatch, Nz, 1, 1);
        var label = torch.Tensor(DcganBatch);
        var real = torch.Tensor(DcganBatch, 3, 32, 32).Uniform(-1, 1); // data:getBatch(), loaded once
        times?.Instrument(netD);
        times?.Instrument(netG);
        var (parametersD, gradParametersD) = netD.GetParameters();
        var (parametersG, gradParametersG) = netG.GetParameters();

        (double, Tensor) FDx(Tensor x)
        {
            gradParametersD.Zero();
            input.Copy(real);
            label.Fill(realLabel);
            Tensor output = netD.Forward(input);
            double errDReal = criterion.Forward(output, label);
            var dfDo = criterion.Backward(output, label);
            netD.Backward(input, dfDo);

            noise.Normal(0, 1);
            Tensor fake = netG.Forward(noise);
            input.Copy(fake);
            label.Fill(fakeLabel);
            output = netD.Forward(input);
            double errDFake = criterion.Forward(output, label);
            dfDo = criterion.Backward(output, label);
            netD.Backward(input, dfDo);
            return (errDReal + errDFake, gradParametersD);
        }

        (double, Tensor) FGx(Tensor x)
        {
            gradParametersG.Zero();
            label.Fill(realLabel);
            Tensor output = netD.Output; // netD:forward(input) was already executed in fDx
            double errG = criterion.Forward(output, label);
            var dfDo = criterion.Backward(output, label);
            var dfDg = netD.UpdateGradInput(input, dfDo);
            netG.Backward(noise, dfDg);
            return (errG, gradParametersG);
        }

        if (times is null)
            return () =>
            {
                optim.Adam(FDx, parametersD, optimStateD);
                optim.Adam(FGx, parametersG, optimStateG);
            };
        var (fD, fG) = (times.Feval(FDx), times.Feval(FGx));
        return () =>
        {
            times.Optim(() => optim.Adam(fD, parametersD, optimStateD));
            times.Optim(() => optim.Adam(fG, parametersG, optimStateG));
        };
    });

    /// <summary>The same nets and steps as PyTorch's dcgan example writes them (the generator's step runs netD on the fake batch
    /// again: autograd cannot reuse the discriminator's output across its update, as main.lua does).</summary>
    static Action DcganRaw(TS.ScalarType type)
    {
        TS.manual_seed(1);
        var netG = TS.nn.Sequential(
            TS.nn.ConvTranspose2d(Nz, Ngf * 4, 4, bias: false), TS.nn.BatchNorm2d(Ngf * 4), TS.nn.ReLU(true),
            TS.nn.ConvTranspose2d(Ngf * 4, Ngf * 2, 4, 2, 1, bias: false), TS.nn.BatchNorm2d(Ngf * 2), TS.nn.ReLU(true),
            TS.nn.ConvTranspose2d(Ngf * 2, Ngf, 4, 2, 1, bias: false), TS.nn.BatchNorm2d(Ngf), TS.nn.ReLU(true),
            TS.nn.ConvTranspose2d(Ngf, Nc, 4, 2, 1, bias: false), TS.nn.Tanh()).to(type);
        var netD = TS.nn.Sequential(
            TS.nn.Conv2d(Nc, Ndf, 4, 2, 1, bias: false), TS.nn.LeakyReLU(0.2, true),
            TS.nn.Conv2d(Ndf, Ndf * 2, 4, 2, 1, bias: false), TS.nn.BatchNorm2d(Ndf * 2), TS.nn.LeakyReLU(0.2, true),
            TS.nn.Conv2d(Ndf * 2, Ndf * 4, 4, 2, 1, bias: false), TS.nn.BatchNorm2d(Ndf * 4), TS.nn.LeakyReLU(0.2, true),
            TS.nn.Conv2d(Ndf * 4, 1, 4, bias: false), TS.nn.Sigmoid(), TS.nn.Flatten()).to(type);
        var optD = TS.optim.Adam(netD.parameters(), 0.0002, 0.5, 0.999);
        var optG = TS.optim.Adam(netG.parameters(), 0.0002, 0.5, 0.999);
        var real = TS.rand(DcganBatch, 3, 32, 32, type) * 2 - 1;
        var ones = TS.ones(DcganBatch, 1, type);
        var zeros = TS.zeros(DcganBatch, 1, type);
        return () =>
        {
            using var scope = TS.NewDisposeScope();
            optD.zero_grad();
            var errDReal = TS.nn.functional.binary_cross_entropy(netD.call(real), ones);
            errDReal.backward();
            var noise = TS.randn(DcganBatch, Nz, 1, 1, type);
            var fake = netG.call(noise);
            var errDFake = TS.nn.functional.binary_cross_entropy(netD.call(fake.detach()), zeros);
            errDFake.backward();
            (errDReal + errDFake).ToDouble();
            optD.step();

            optG.zero_grad();
            var errG = TS.nn.functional.binary_cross_entropy(netD.call(fake), ones);
            errG.backward();
            errG.ToDouble();
            optG.step();
        };
    }

    // ---------------------------------------------------------------- fb.resnet.torch models/resnet.lua (cifar10, depth 8) and train.lua

    static Action ResNet(string type, ModuleTimes? times = null) => WithDefaultType<Action>(type, () =>
    {
        torch.ManualSeed(1);
        const string shortcutType = "A"; // opts.lua's default for cifar10
        int iChannels = 16;

        Module Shortcut(int nInputPlane, int nOutputPlane, int stride)
        {
            bool useConv = shortcutType == "C" || (shortcutType == "B" && nInputPlane != nOutputPlane);
            if (useConv)
                return nn.Sequential()
                    .Add(nn.SpatialConvolution(nInputPlane, nOutputPlane, 1, 1, stride, stride))
                    .Add(nn.SpatialBatchNormalization(nOutputPlane));
            if (nInputPlane != nOutputPlane)
                return nn.Sequential() // strided, zero-padded identity shortcut
                    .Add(nn.SpatialAveragePooling(1, 1, stride, stride))
                    .Add(nn.Concat(2).Add(nn.Identity()).Add(nn.MulConstant(0)));
            return nn.Identity();
        }

        Module BasicBlock(int n, int stride)
        {
            int nInputPlane = iChannels;
            iChannels = n;
            var s = nn.Sequential();
            s.Add(nn.SpatialConvolution(nInputPlane, n, 3, 3, stride, stride, 1, 1));
            s.Add(nn.SpatialBatchNormalization(n));
            s.Add(nn.ReLU(true));
            s.Add(nn.SpatialConvolution(n, n, 3, 3, 1, 1, 1, 1));
            s.Add(nn.SpatialBatchNormalization(n));
            return nn.Sequential()
                .Add(nn.ConcatTable().Add(s).Add(Shortcut(nInputPlane, n, stride)))
                .Add(nn.CAddTable(true))
                .Add(nn.ReLU(true));
        }

        Module Layer(Func<int, int, Module> block, int features, int count, int stride = 1)
        {
            var s = nn.Sequential();
            for (int i = 1; i <= count; i++) s.Add(block(features, i == 1 ? stride : 1));
            return s;
        }

        const int depth = 8;
        int n = (depth - 2) / 6;
        var model = nn.Sequential();
        model.Add(nn.SpatialConvolution(3, 16, 3, 3, 1, 1, 1, 1));
        model.Add(nn.SpatialBatchNormalization(16));
        model.Add(nn.ReLU(true));
        model.Add(Layer(BasicBlock, 16, n));
        model.Add(Layer(BasicBlock, 32, n, 2));
        model.Add(Layer(BasicBlock, 64, n, 2));
        model.Add(nn.SpatialAveragePooling(8, 8, 1, 1));
        model.Add(nn.View(64).SetNumInputDims(3));
        model.Add(nn.Linear(64, 10));

        foreach (var v in model.FindModules("nn.SpatialConvolution").Nodes) // ConvInit without cudnn
        {
            var c = (SpatialConvolution)v;
            c.Weight!.Normal(0, Math.Sqrt(2.0 / (c.KW * c.KH * c.NOutputPlane)));
            c.Bias!.Zero();
        }
        foreach (var v in model.FindModules("nn.SpatialBatchNormalization").Nodes) // BNInit
        {
            v.Weight!.Fill(1);
            v.Bias!.Zero();
        }
        foreach (var v in model.FindModules("nn.Linear").Nodes) v.Bias!.Zero();
        model.Get(1).GradInput = LuaValue.Nil;
        times?.Instrument(model);

        var criterion = nn.CrossEntropyCriterion();
        var optimState = new SgdConfig { LearningRate = 0.1, LearningRateDecay = 0.0, Momentum = 0.9, Nesterov = true, Dampening = 0.0, WeightDecay = 1e-4 };
        var (parameters, gradParams) = model.GetParameters();
        var input = torch.Tensor(ResNetBatch, 3, 32, 32).Uniform(-1, 1);
        var target = torch.Tensor(ResNetBatch);
        for (int i = 1; i <= ResNetBatch; i++) target[i] = 1 + i % 10;
        Func<Tensor, (double, Tensor)> feval = x => (criterion.Output, gradParams);
        model.Training();
        return () =>
        {
            model.Forward(input);
            criterion.Forward(model.Output, target);
            model.ZeroGradParameters();
            criterion.Backward(model.Output, target);
            model.Backward(input, criterion.GradInput);
            if (times is null) optim.Sgd(feval, parameters, optimState);
            else times.Optim(() => optim.Sgd(feval, parameters, optimState));
        };
    });

    /// <summary>fb.resnet.torch's basic block in TorchSharp: two 3x3 convolutions with batch normalisation, and the type A shortcut
    /// (a strided identity, zero-padded to the new width).</summary>
    sealed class BasicBlockRaw : TS.nn.Module<TT, TT>
    {
        readonly TS.nn.Module<TT, TT> body;
        readonly int stride;
        readonly bool widen;

        public BasicBlockRaw(int nIn, int n, int stride) : base("BasicBlock")
        {
            body = TS.nn.Sequential(TS.nn.Conv2d(nIn, n, 3, stride, 1), TS.nn.BatchNorm2d(n), TS.nn.ReLU(true),
                TS.nn.Conv2d(n, n, 3, 1, 1), TS.nn.BatchNorm2d(n));
            (this.stride, widen) = (stride, nIn != n);
            RegisterComponents();
        }

        public override TT forward(TT x)
        {
            using var scope = TS.NewDisposeScope();
            var shortcut = x;
            if (widen)
            {
                var s = TS.nn.functional.avg_pool2d(x, 1, stride);
                shortcut = TS.cat(new[] { s, s * 0 }, 1);
            }
            return TS.nn.functional.relu(body.call(x) + shortcut).MoveToOuterDisposeScope();
        }
    }

    static Action ResNetRaw(TS.ScalarType type)
    {
        TS.manual_seed(1);
        var model = TS.nn.Sequential(
            TS.nn.Conv2d(3, 16, 3, 1, 1), TS.nn.BatchNorm2d(16), TS.nn.ReLU(true),
            new BasicBlockRaw(16, 16, 1), new BasicBlockRaw(16, 32, 2), new BasicBlockRaw(32, 64, 2),
            TS.nn.AvgPool2d(8, 1), TS.nn.Flatten(), TS.nn.Linear(64, 10)).to(type);
        var sgd = TS.optim.SGD(model.parameters(), 0.1, momentum: 0.9, dampening: 0, weight_decay: 1e-4, nesterov: true);
        var input = TS.rand(ResNetBatch, 3, 32, 32, type) * 2 - 1;
        var target = TS.tensor(Enumerable.Range(1, ResNetBatch).Select(i => (long)(i % 10)).ToArray());
        model.train();
        return () =>
        {
            using var scope = TS.NewDisposeScope();
            sgd.zero_grad();
            var loss = TS.nn.functional.cross_entropy(model.call(input), target);
            loss.ToDouble();
            loss.backward();
            sgd.step();
        };
    }
}
