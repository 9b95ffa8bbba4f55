package dev.metastudio.emulator.edge;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * The documented paging of every list API: {@code offset} 0-2147483647 (default 0) and {@code limit} 1-100
 * (default 10), out-of-range values refused with 400 naming the parameter; {@code count} in the answer is the total
 * number of matches. As a Spring Data {@link Pageable} it pages at any offset, not only at multiples of the limit.
 */
public record Paging(int offset, int limit) {
    public static final int DEFAULT_LIMIT = 10;
    public static final int MAX_LIMIT = 100;

    /** The reference's paging rules (e.g. 4.1.2, 5.1.2, 5.2.1). */
    public static Paging of(QueryParams q) {
        return of(q, DEFAULT_LIMIT, MAX_LIMIT);
    }

    public static Paging of(QueryParams q, int defaultLimit, int maxLimit) {
        return new Paging(q.integer("offset", 0, 0, Integer.MAX_VALUE), q.integer("limit", defaultLimit, 1, maxLimit));
    }

    public Pageable sorted(Sort sort) {
        return new Offset(offset, limit, sort);
    }

    /** A page that starts at any offset. */
    private record Offset(long offset, int limit, Sort sort) implements Pageable {
        @Override
        public int getPageNumber() {
            return (int) (offset / limit);
        }

        @Override
        public int getPageSize() {
            return limit;
        }

        @Override
        public long getOffset() {
            return offset;
        }

        @Override
        public Sort getSort() {
            return sort;
        }

        @Override
        public Pageable next() {
            return new Offset(offset + limit, limit, sort);
        }

        @Override
        public Pageable previousOrFirst() {
            return hasPrevious() ? new Offset(Math.max(0, offset - limit), limit, sort) : first();
        }

        @Override
        public Pageable first() {
            return new Offset(0, limit, sort);
        }

        @Override
        public Pageable withPage(int pageNumber) {
            return new Offset((long) pageNumber * limit, limit, sort);
        }

        @Override
        public boolean hasPrevious() {
            return offset > 0;
        }
    }
}
