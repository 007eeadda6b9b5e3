using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Workbench.Core.Persistence;

public sealed class WorkbenchDbContext(DbContextOptions<WorkbenchDbContext> options) : DbContext(options)
{
    public DbSet<AnswerEntity> Answers => Set<AnswerEntity>();

    public DbSet<CitationEntity> Citations => Set<CitationEntity>();

    public DbSet<RatingEntity> Ratings => Set<RatingEntity>();

    public DbSet<EvaluationResultEntity> EvaluationResults => Set<EvaluationResultEntity>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AnswerEntity>(answer =>
        {
            answer.HasIndex(a => a.AskedAtUtc);
            answer.Property(a => a.Question).HasMaxLength(4000);
            answer.HasMany(a => a.Citations).WithOne().HasForeignKey(c => c.AnswerId).OnDelete(DeleteBehavior.Cascade);
            answer.HasMany(a => a.Ratings).WithOne().HasForeignKey(r => r.AnswerId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<CitationEntity>(citation => citation.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16));
        modelBuilder.Entity<EvaluationResultEntity>(result => result.HasIndex(r => new { r.Dataset, r.RanAtUtc }));
        modelBuilder.Entity<RatingEntity>(rating =>
        {
            rating.HasIndex(r => new { r.AnswerId, r.CreatedAtUtc });
            rating.Property(r => r.Comment).HasMaxLength(4000);
        });
    }
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without the web host.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<WorkbenchDbContext>
{
    public WorkbenchDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<WorkbenchDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
