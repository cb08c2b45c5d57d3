package io.paprika.spi;

/** What an append does with a row whose primary key is already in the table ({@code on_conflict}). */
public enum ConflictAction {
    /** Replace the existing row's other columns; among duplicates in one append, the last wins. */
    UPSERT,
    /** Keep the existing row; among duplicates in one append, the first wins. */
    DROP
}
