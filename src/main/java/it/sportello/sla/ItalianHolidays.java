package it.sportello.sla;

import java.time.LocalDate;
import java.time.Month;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Italy's national holidays of a year, computed: the fixed days, Easter Monday (from the Gregorian
 * computus) and, from 2026, 4 October (San Francesco d'Assisi, restored as a national holiday by
 * law 151/2025). Easter Sunday is a Sunday anyway. Local patron saints are the company's own days.
 */
public final class ItalianHolidays {

    /** The first year 4 October is a national holiday again. */
    static final int SAINT_FRANCIS_FROM = 2026;

    /** Computed once per year: business-time sums ask for every day they cross. */
    private static final Map<Integer, Set<LocalDate>> BY_YEAR = new ConcurrentHashMap<>();

    private ItalianHolidays() {}

    public static Set<LocalDate> of(int year) {
        return BY_YEAR.computeIfAbsent(year, ItalianHolidays::computed);
    }

    private static Set<LocalDate> computed(int year) {
        Set<LocalDate> days = new TreeSet<>();
        days.add(LocalDate.of(year, Month.JANUARY, 1)); // Capodanno
        days.add(LocalDate.of(year, Month.JANUARY, 6)); // Epifania
        days.add(easterSunday(year).plusDays(1)); // Lunedì dell'Angelo
        days.add(LocalDate.of(year, Month.APRIL, 25)); // Festa della Liberazione
        days.add(LocalDate.of(year, Month.MAY, 1)); // Festa dei lavoratori
        days.add(LocalDate.of(year, Month.JUNE, 2)); // Festa della Repubblica
        days.add(LocalDate.of(year, Month.AUGUST, 15)); // Ferragosto
        if (year >= SAINT_FRANCIS_FROM) {
            days.add(LocalDate.of(year, Month.OCTOBER, 4)); // San Francesco d'Assisi
        }
        days.add(LocalDate.of(year, Month.NOVEMBER, 1)); // Ognissanti
        days.add(LocalDate.of(year, Month.DECEMBER, 8)); // Immacolata
        days.add(LocalDate.of(year, Month.DECEMBER, 25)); // Natale
        days.add(LocalDate.of(year, Month.DECEMBER, 26)); // Santo Stefano
        return Collections.unmodifiableSet(days);
    }

    public static boolean isHoliday(LocalDate day) {
        return of(day.getYear()).contains(day);
    }

    /** Easter Sunday in the Gregorian calendar (the anonymous "Meeus/Jones/Butcher" computus). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }
}
