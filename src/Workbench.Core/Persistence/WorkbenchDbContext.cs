using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Workbench.Core.Persistence;

/// <summary>The application database: answers, ratings, campaigns, jobs, and the users (ASP.NET Core Identity's tables), their API tokens and the audit trail.</summary>
public sealed class WorkbenchDbContext(DbContextOptions<WorkbenchDbContext> options) : IdentityDbContext<IdentityUser>(options)
{
    public DbSet<AnswerEntity> Answers => Set<AnswerEntity>();

    public DbSet<CitationEntity> Citations => Set<CitationEntity>();

    public DbSet<RatingEntity> Ratings => Set<RatingEntity>();

    public DbSet<EvaluationResultEntity> EvaluationResults => Set<EvaluationResultEntity>();

    public DbSet<AnswerEvaluationResultEntity> AnswerEvaluationResults => Set<AnswerEvaluationResultEntity>();

    public DbSet<CampaignEntity> Campaigns => Set<CampaignEntity>();

    public DbSet<CampaignQuestionEntity> CampaignQuestions => Set<CampaignQuestionEntity>();

    public DbSet<CampaignAnswerEntity> CampaignAnswers => Set<CampaignAnswerEntity>();

    public DbSet<CampaignAssignmentEntity> CampaignAssignments => Set<CampaignAssignmentEntity>();

    public DbSet<JudgementEntity> Judgements => Set<JudgementEntity>();

    public DbSet<ReindexJobEntity> ReindexJobs => Set<ReindexJobEntity>();

    public DbSet<AuditEventEntity> AuditEvents => Set<AuditEventEntity>();

    public DbSet<ApiTokenEntity> ApiTokens => Set<ApiTokenEntity>();

    public DbSet<DataProtectionKeyEntity> DataProtectionKeys => Set<DataProtectionKeyEntity>();

    public DbSet<LeaseEntity> Leases => Set<LeaseEntity>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<AnswerEntity>(answer =>
        {
            answer.HasIndex(a => new { a.Origin, a.AskedAtUtc });
            answer.HasIndex(a => new { a.AskedByUserId, a.AskedAtUtc });
            answer.Property(a => a.Question).HasMaxLength(4000);
            answer.HasMany(a => a.Citations).WithOne().HasForeignKey(c => c.AnswerId).OnDelete(DeleteBehavior.Cascade);
            answer.HasMany(a => a.Ratings).WithOne().HasForeignKey(r => r.AnswerId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<CampaignEntity>(campaign =>
        {
            campaign.Property(c => c.Name).HasMaxLength(200);
            campaign.HasMany(c => c.Questions).WithOne().HasForeignKey(q => q.CampaignId).OnDelete(DeleteBehavior.Cascade);
            campaign.HasMany(c => c.Answers).WithOne().HasForeignKey(a => a.CampaignId).OnDelete(DeleteBehavior.Cascade);
            campaign.HasMany(c => c.Judgements).WithOne().HasForeignKey(j => j.CampaignId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<CampaignQuestionEntity>(q => q.HasIndex(x => new { x.CampaignId, x.Ordinal }).IsUnique());
        modelBuilder.Entity<CampaignAnswerEntity>(a => a.HasIndex(x => new { x.CampaignId, x.QuestionOrdinal, x.VariantIndex }).IsUnique());
        modelBuilder.Entity<CampaignAssignmentEntity>(a =>
        {
            a.HasIndex(x => new { x.CampaignId, x.Item, x.Rater }).IsUnique();
            a.HasIndex(x => new { x.CampaignId, x.Rater });
            a.Property(x => x.Rater).HasMaxLength(64);
            a.HasOne<CampaignEntity>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Cascade);
        });

        // One row per rater and item: raters never overwrite each other, a rater's resubmission replaces their own.
        modelBuilder.Entity<JudgementEntity>(j =>
        {
            j.HasIndex(x => new { x.CampaignId, x.Item, x.Rater }).IsUnique();
            j.Property(x => x.Rater).HasMaxLength(64);
            j.Property(x => x.Comment).HasMaxLength(4000);
        });
        modelBuilder.Entity<ReindexJobEntity>(job =>
        {
            job.HasIndex(j => j.CreatedAtUtc);
            job.HasIndex(j => j.Status);
            job.Property(j => j.Mode).HasConversion<string>().HasMaxLength(16);
            job.Property(j => j.Status).HasConversion<string>().HasMaxLength(16);
        });
        modelBuilder.Entity<CitationEntity>(citation => citation.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16));
        modelBuilder.Entity<EvaluationResultEntity>(result => result.HasIndex(r => new { r.Dataset, r.RanAtUtc }));
        modelBuilder.Entity<AnswerEvaluationResultEntity>(result =>
        {
            result.HasIndex(r => new { r.Dataset, r.RanAtUtc });
            result.Property(r => r.Dataset).HasMaxLength(200);
            result.Property(r => r.Composer).HasMaxLength(64);
        });
        modelBuilder.Entity<RatingEntity>(rating =>
        {
            rating.HasIndex(r => new { r.AnswerId, r.CreatedAtUtc });
            rating.Property(r => r.Comment).HasMaxLength(4000);
        });
        modelBuilder.Entity<AuditEventEntity>(audit =>
        {
            audit.HasIndex(e => e.AtUtc);
            audit.HasIndex(e => new { e.Actor, e.AtUtc });
            audit.HasIndex(e => new { e.Action, e.AtUtc });
            audit.Property(e => e.Actor).HasMaxLength(256);
            audit.Property(e => e.Channel).HasMaxLength(16);
            audit.Property(e => e.Action).HasMaxLength(32);
            audit.Property(e => e.Target).HasMaxLength(256);
            audit.Property(e => e.Detail).HasMaxLength(Security.AuditTrail.MaxDetailLength);
        });
        modelBuilder.Entity<ApiTokenEntity>(token =>
        {
            token.HasIndex(t => t.Hash).IsUnique();
            token.HasIndex(t => t.UserId);
            token.Property(t => t.Name).HasMaxLength(Security.ApiTokens.MaxNameLength);
            token.Property(t => t.Prefix).HasMaxLength(16);
            token.Property(t => t.Hash).HasMaxLength(64);
            token.HasOne<IdentityUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<LeaseEntity>(lease =>
        {
            lease.HasKey(l => l.Name);
            lease.Property(l => l.Name).HasMaxLength(64);
            lease.Property(l => l.Holder).HasMaxLength(200);
        });
    }
}
