using Torch;

/// <summary>What a donkey (worker thread) does: cuts one mini-batch out of the data set, augments it, normalises it.</summary>
sealed class Batches(MnistDataset data, double mean, double std)
{
    const int MaxShift = 1;

    /// <summary>The pixel mean (0..1) subtracted before dividing by <see cref="Std"/>.</summary>
    public double Mean => mean;

    /// <summary>The pixel standard deviation the images are divided by.</summary>
    public double Std => std;

    /// <summary>Batches normalised by the mean and standard deviation of the pixels (0..1) of the first <paramref name="n"/> images.</summary>
    public static Batches For(MnistDataset data, long n)
    {
        var pixels = data.Data.Narrow(1, 1, n).Float().Div(255);
        return new Batches(data, pixels.Mean(), pixels.Std());
    }

    /// <summary>Images <paramref name="order"/>[first .. first+count-1] as a normalised count x 1 x H x W FloatTensor and their
    /// 1-based classes. With a seed, each image is shifted by up to a pixel each way at random (no flips: the
    /// shoes of Fashion-MNIST all point left); the seed
    /// alone decides that, so a batch comes out the same whichever worker makes it and whenever.</summary>
    public (Tensor Inputs, Tensor Targets) Make(Tensor order, long first, int count, int? seed)
    {
        long h = data.Data.Size(2), w = data.Data.Size(3);
        var inputs = torch.FloatTensor(count, 1, h, w).Zero();
        var targets = torch.FloatTensor(count);
        var rng = seed is int s ? new Random(s) : null;
        for (int i = 1; i <= count; i++)
        {
            long k = (long)order[first + i - 1];
            Tensor image = data.Data.Select(1, k), into = inputs.Select(1, i).Select(1, 1);
            int dy = rng?.Next(-MaxShift, MaxShift + 1) ?? 0, dx = rng?.Next(-MaxShift, MaxShift + 1) ?? 0;
            Window(into, dy, dx).Copy(Window(image, -dy, -dx));
            targets[i] = data.Label[k] + 1;   // ClassNLLCriterion's classes are 1-based
        }
        return (inputs.Div(255).Add(-mean).Div(std), targets);
    }

    /// <summary>The first <paramref name="count"/> images in order, normalised, unaugmented: the test set.</summary>
    public (Tensor Inputs, Tensor Targets) All(long count) => Make(torch.Range(1, count).Long(), 1, (int)count, seed: null);

    // The part of a picture that stays inside it when shifted by (dy, dx); the rest of the window is left at 0.
    static Tensor Window(Tensor t, int dy, int dx) =>
        t.Narrow(1, 1 + Math.Max(0, dy), t.Size(1) - Math.Abs(dy)).Narrow(2, 1 + Math.Max(0, dx), t.Size(2) - Math.Abs(dx));
}
