package app.tinylytics.gateway.common;

import org.eclipse.microprofile.graphql.Description;

import app.tinylytics.gateway.upstream.dto.PaginationDto;

/** Where a page sits in a paged upstream list. */
@Description("Position of this page in the full result.")
public record PageInfo(int page, int perPage, int totalCount, int totalPages, boolean hasNextPage,
        boolean hasPreviousPage) {

    /** From upstream's {@code pagination} block; a missing block means everything fit on one page. */
    public static PageInfo from(PaginationDto pagination, int itemsOnPage) {
        if (pagination == null) {
            return new PageInfo(1, itemsOnPage, itemsOnPage, 1, false, false);
        }
        int page = Math.max(1, pagination.currentPage());
        return new PageInfo(page, pagination.perPage(), pagination.totalCount(), pagination.totalPages(),
                page < pagination.totalPages(), page > 1);
    }
}
