import EventStore

/// The read models' schema, applied after the event store's (versions from 100 on).
public enum ProjectionMigrations {
    public static let all: [Migration] = [
        Migration(version: 100, name: "projection checkpoints", bytes: PackageResources.v100_projection_checkpoints_sql),
        Migration(version: 101, name: "attendees read model", bytes: PackageResources.v101_attendees_sql),
        Migration(version: 102, name: "program and rosters read models", bytes: PackageResources.v102_program_sql),
        Migration(version: 103, name: "agendas read model", bytes: PackageResources.v103_agendas_sql),
        Migration(version: 104, name: "placements read model", bytes: PackageResources.v104_placements_sql),
        Migration(version: 105, name: "placement periods", bytes: PackageResources.v105_placement_periods_sql),
        Migration(version: 106, name: "read-model privileges", bytes: PackageResources.v106_read_model_privileges_sql),
    ]
}
