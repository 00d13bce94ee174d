package app.tinylytics.simulator;

import java.time.Clock;

import jakarta.ws.rs.QueryParam;

/** The {@code start_date}, {@code end_date} and {@code time_zone} query parameters of a dated list, as a {@code @BeanParam}. */
public class PeriodParams {

    @QueryParam("start_date")
    String startDate;

    @QueryParam("end_date")
    String endDate;

    @QueryParam("time_zone")
    String timeZone;

    /** The validated period; "today" and the day boundaries are UTC's or, with {@code time_zone=user}, the owner's. */
    ReportPeriod resolve(AccountRow owner, Clock clock) {
        return ReportPeriod.parse(startDate, endDate, timeZone, owner, clock);
    }
}
