using System.Buffers.Binary;
using System.Xml.Linq;

namespace Torch.Optim.Tests;

/// <summary>optim.ConfusionMatrix: counts, accuracy figures and Torch7's print format (test_confusion.lua and hand-computed values).</summary>
public sealed class ConfusionMatrixTests : IDisposable
{
    readonly string dir = Directory.CreateTempSubdirectory("optim-cm-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    static ConfusionMatrix ThreeClasses()
    {
        var cm = optim.ConfusionMatrix(new[] { "cat", "dog", "person" });
        cm.Add(1, 1);                                            // numbers: prediction, target
        cm.Add(torch.Tensor(new[] { 0.9, 0.1, 0.0 }), 1);        // scores vs a class index
        cm.Add(torch.Tensor(new[] { 0.1, 0.8, 0.1 }), torch.Tensor(new[] { 1.0, 0, 0 })); // scores vs one-hot
        cm.BatchAdd(torch.Tensor(new[] { 2.0, 2, 2, 1 }), torch.Tensor(new[] { 2.0, 2, 2, 3 }));
        cm.Add(3, 0); // a target <= 0 is a missing label
        return cm;
    }

    [Fact]
    public void CountsEveryKindOfAdd()
    {
        ThreeClasses().Mat.ToArray().Should().Equal(2, 1, 0, 0, 3, 0, 1, 0, 0);
        ThreeClasses().Mat.Type().Should().Be("torch.LongTensor");
    }

    [Fact]
    public void UpdateValidsComputesTheAccuracyFigures()
    {
        var cm = ThreeClasses();
        cm.UpdateValids();
        cm.Valids.ToArray().Should().Equal((float)(2.0 / 3), 1, 0); // a FloatTensor, as in Lua
        cm.Unionvalids.ToArray().Should().Equal(0.5, 0.75, 0);      // 2/(3+3-2), 3/(3+4-3), 0/1
        cm.TotalValid.Should().Be(5.0 / 7);
        cm.AverageValid.Should().Be(((double)(float)(2.0 / 3) + 1 + 0) / 3);
        cm.AverageUnionValid.Should().Be((0.5 + 0.75 + 0) / 3);
    }

    [Fact]
    public void PrintsAsTorch7()
    {
        // percentages with %2.3f of the float valids, figures with Lua's %.14g
        ThreeClasses().ToString().Should().Be(
            "ConfusionMatrix:\n" +
            "[[       2       1       0]   66.667% \t[class: cat]\n" +
            " [       0       3       0]   100.000% \t[class: dog]\n" +
            " [       1       0       0]]  0.000% \t[class: person]\n" +
            " + average row correct: 55.555556217829% \n" +
            " + average rowUcol correct (VOC measure): 41.666666666667% \n" +
            " + global correct: 71.428571428571%");
    }

    [Fact]
    public void PrintsAClassWithoutSamplesAsNanAndLeavesItOutOfTheAverages()
    {
        var cm = new ConfusionMatrix(2);
        cm.Add(1, 1);
        cm.ToString().Should().Be(
            "ConfusionMatrix:\n" +
            "[[       1       0]   100.000% \n" +
            " [       0       0]]  -nan% \n" +
            " + average row correct: 100% \n" +
            " + average rowUcol correct (VOC measure): 100% \n" +
            " + global correct: 100%");
    }

    [Fact]
    public void BatchAddTakesScoreMatricesAndOneHotRows()
    {
        // test_confusion.lua: add(prediction, target), add(prediction, vector), batchAdd of 8: mat:sum() == 10
        var cm = optim.ConfusionMatrix(10);
        var scores = torch.Tensor(new double[,] { { 0.1, 0.7, 0.2, 0, 0, 0, 0, 0, 0, 0 }, { 0.9, 0, 0, 0, 0, 0, 0, 0, 0, 0.05 } });
        var oneHot = torch.Tensor(new double[,] { { 0, 1, 0, 0, 0, 0, 0, 0, 0, 0 }, { 0, 0, 0, 0, 0, 0, 0, 0, 0, 1 } });
        cm.BatchAdd(scores, oneHot);
        cm.BatchAdd(torch.Tensor(new double[,] { { 3 }, { 4 } }), torch.Tensor(new[] { 3.0, 5 }));
        cm.Mat.ToArray().Sum().Should().Be(4);
        ((double)cm.Mat[2, 2]).Should().Be(1);
        ((double)cm.Mat[10, 1]).Should().Be(1);
        ((double)cm.Mat[3, 3]).Should().Be(1);
        ((double)cm.Mat[5, 4]).Should().Be(1);
        cm.Zero();
        cm.Mat.ToArray().Sum().Should().Be(0);
        cm.TotalValid.Should().Be(0);
    }

    [Fact]
    public void FarFrrIsZeroForAPerfectClassifier()
    {
        var cm = new ConfusionMatrix(4) { Mat = torch.LongTensor(4, 4).Zero() };
        for (int i = 1; i <= 4; i++) cm.Mat[i, i] = 5;
        var (classFrrs, classFars, frrs, fars) = cm.FarFrr();
        classFrrs.ToArray().Sum().Should().Be(0);
        classFars.ToArray().Sum().Should().Be(0);
        frrs.NElement().Should().Be(4);

        // class 1: 3 of 4 right -> FRR 0.25; class 2 gets class 1's error -> FAR(2) = (1/4) / 1; class 3 has no samples -> -1
        var c = new ConfusionMatrix(3);
        c.Mat[1, 1] = 3; c.Mat[1, 2] = 1; c.Mat[2, 2] = 2;
        var (cf, ca, f, a) = c.FarFrr();
        cf.ToArray().Should().Equal(0.25, 0, -1);
        ca.ToArray().Should().Equal(0, 0.25, -1);
        f.ToArray().Should().Equal(0.25, 0);
        a.ToArray().Should().Equal(0, 0.25);
    }

    [Fact]
    public void RejectsBadInput()
    {
        var cm = new ConfusionMatrix(3);
        ((Action)(() => cm.Add(4, 1))).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*prediction must be a class index in 1..3, got 4*");
        ((Action)(() => cm.Add(1, 3.5))).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*target*");
        ((Action)(() => cm.Add(torch.Tensor(2, 3), 1))).Should().Throw<ArgumentException>().WithMessage("*1-D*2x3*");
        ((Action)(() => cm.BatchAdd(torch.Tensor(2, 3, 1), torch.Tensor(2)))).Should().Throw<ArgumentException>().WithMessage("*invalid number of dimensions*");
        ((Action)(() => cm.SaveImage(Path.Combine(dir, "x.jpg")))).Should().Throw<ArgumentException>().WithMessage("*.png or .svg*");
        cm.Mat.ToArray().Sum().Should().Be(0);
    }

    [Fact]
    public void RendersTheSortedNormalisedMatrix()
    {
        var img = ThreeClasses().Render(block: 4);
        img.Size().Should().Equal(12, 12);
        // sorted by score: dog (1.0), cat (0.667), person (0); cell (1,1) is dog->dog = 1, grid lines are 0.1
        ((double)img[1, 1]).Should().Be(1);
        ((double)img[4, 1]).Should().Be(0.1);
        ((double)img[5, 5]).Should().Be(2.0 / 3); // cat->cat
        ((double)img[5, 1]).Should().Be(1.0 / 3); // cat predicted as dog
        ((double)img[9, 5]).Should().Be(1);       // person predicted as cat
    }

    [Fact]
    public void SavesAPngAndAnSvgOfTheRightSize()
    {
        var cm = ThreeClasses();
        var png = Path.Combine(dir, "cm.png");
        cm.SaveImage(png, block: 30, legendwidth: 200);
        var bytes = File.ReadAllBytes(png);
        bytes.Take(8).Should().Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A });
        BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)).Should().Be(3 * 30 + 200);
        BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)).Should().Be(3 * 30);

        var svgPath = Path.Combine(dir, "cm.svg");
        cm.SaveImage(svgPath, "occurrence");
        var svg = XDocument.Load(svgPath).Root!;
        svg.Name.LocalName.Should().Be("svg");
        ((string?)svg.Attribute("width")).Should().Be("275");
        ((string?)svg.Attribute("height")).Should().Be("75");
        svg.Descendants().Count(e => e.Name.LocalName == "rect").Should().BeGreaterThanOrEqualTo(9);
        svg.ToString().Should().Contain("person");
    }
}
