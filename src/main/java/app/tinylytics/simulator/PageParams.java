package app.tinylytics.simulator;

import jakarta.ws.rs.QueryParam;

/** The {@code page} and {@code per_page} query parameters of a list, as a {@code @BeanParam}. */
public class PageParams {

    @QueryParam("page")
    String page;

    @QueryParam("per_page")
    String perPage;

    /** The page asked for, with the usual default size and the endpoint's cap. */
    Paging paging(int maxPerPage) {
        return paging(Paging.DEFAULT_PER_PAGE, maxPerPage);
    }

    Paging paging(int defaultPerPage, int maxPerPage) {
        return Paging.of(page, perPage, defaultPerPage, maxPerPage);
    }
}
