package io.credgraph.datasets.synthetic;

import io.credgraph.model.LegalForm;
import java.time.LocalDate;

/**
 * Everything about enterprise {@code i}, recomputed from the model: identity, officers over time
 * and shareholders. Short-lived: built for one enterprise while its lines are written, then
 * dropped.
 */
final class Enterprise {
  static final int MAX_HOLDERS = 6;

  final int index;
  final LegalForm form;
  final LocalDate registeredOn;
  final String uscc;

  /** LEGAL_REP, or MAIN_RESPONSIBLE of a branch, at registration. */
  final int rep;

  /**
   * The day a new representative took over (the old one's relation ends the day before), or null.
   */
  final LocalDate repChangedOn;

  final int newRep;

  /** DIRECTOR (执行董事), -1 if none; when equal to {@link #rep} it changes with the representative. */
  final int director;

  final int manager;
  final int supervisor;
  final int parent;

  int holders;
  final boolean[] holderIsEnterprise = new boolean[MAX_HOLDERS];
  final int[] holder = new int[MAX_HOLDERS];
  final int[] holderPercent = new int[MAX_HOLDERS];

  /** A person shareholder who sold out on this day (index into the holder arrays), or -1. */
  int exitHolder = -1;

  LocalDate exitOn;
  int successor;

  int controller = -1;
  boolean controllerIsEnterprise;

  Enterprise(CityModel m, int i) {
    Hash h = m.h;
    this.index = i;
    this.form = m.form(i);
    this.registeredOn = m.registeredOn(i);
    this.uscc = m.uscc(i);
    this.parent = m.parentOf(i);
    this.rep = m.legalRepAtRegistration(i);
    LocalDate changeFrom = registeredOn.plusYears(1);
    if (h.u(CityModel.S_CHANGE, i) < 0.10 && changeFrom.isBefore(CityModel.LAST_DAY)) {
      this.repChangedOn = m.dateBetween(changeFrom, CityModel.LAST_DAY, CityModel.S_CHANGE, i, 1);
      this.newRep = m.adultBusinessPerson(CityModel.S_CHANGE, i, 2, repChangedOn);
    } else {
      this.repChangedOn = null;
      this.newRep = -1;
    }
    if (form == LegalForm.COMPANY) {
      director =
          h.u(CityModel.S_OFFICER, i) < 0.75
              ? rep
              : m.adultBusinessPerson(CityModel.S_OFFICER, i, 1, registeredOn);
      manager =
          h.u(CityModel.S_OFFICER, i, 2) < 0.6
              ? rep
              : m.adultBusinessPerson(CityModel.S_OFFICER, i, 3, registeredOn);
      supervisor = m.adultBusinessPerson(CityModel.S_OFFICER, i, 4, registeredOn);
    } else if (form == LegalForm.NON_COMPANY_LEGAL_PERSON) {
      director = -1;
      manager = rep;
      supervisor = -1;
    } else {
      director = -1;
      manager = -1;
      supervisor = -1;
    }
    shareholders(m, i);
  }

  /** The LEGAL_REP (or a branch's MAIN_RESPONSIBLE) on {@code day}, or -1 before registration. */
  int repOn(LocalDate day) {
    if (day.isBefore(registeredOn)) {
      return -1;
    }
    return repChangedOn != null && !day.isBefore(repChangedOn) ? newRep : rep;
  }

  /** The DIRECTOR on {@code day}, or -1. */
  int directorOn(LocalDate day) {
    if (director < 0 || day.isBefore(registeredOn)) {
      return -1;
    }
    return director == rep ? repOn(day) : director;
  }

  private void shareholders(CityModel m, int i) {
    Hash h = m.h;
    int rest = 100;
    int head = m.groupHead(i);
    switch (form) {
      case COMPANY -> {
        if (head >= 0 && head != i) {
          int pct = 51 + h.below(CityModel.S_SHARE, i, 0, 20);
          addEnterprise(head, pct);
          rest -= pct;
          int pos = m.groupPosition(i);
          if (m.groupHasCycle(head) && pos >= 2) {
            int from = pos == 2 ? head + 4 : i - 1;
            int cyc = pos == 2 ? 10 : 20;
            addEnterprise(from, cyc);
            rest -= cyc;
          }
          controller = m.legalRepAtRegistration(head);
        } else if (head == i) {
          if (m.groupHasCycle(head)) {
            addEnterprise(head + 1, 5);
            rest -= 5;
          }
          int prev = m.previousGroupHead(head);
          if (prev >= 0) {
            addEnterprise(prev, 30);
            rest -= 30;
          }
        } else if (h.u(CityModel.S_SHARE, i, 1) < 0.03) {
          int owner = earlierCompany(m, i);
          if (owner >= 0) {
            int pct = 10 + h.below(CityModel.S_SHARE, i, 2, 51);
            addEnterprise(owner, pct);
            rest -= pct;
          }
        }
        addPersons(
            m, i, rest, 1 + h.weighted(CityModel.S_SHARE, i, 3, new int[] {30, 50, 20}, 100));
        if (head < 0 && h.u(CityModel.S_SHARE, i, 4) < 0.003) {
          int owner = earlierCompany(m, i);
          if (owner >= 0) {
            addEnterprise(owner, 20);
          }
        }
        if (controller < 0 && h.u(CityModel.S_SHARE, i, 5) < 0.05) {
          controller = holder[firstPersonHolder()];
        }
      }
      case PARTNERSHIP -> addPersons(m, i, 100, 2 + h.below(CityModel.S_SHARE, i, 3, 2));
      case SOLE_PROPRIETORSHIP -> addPersons(m, i, 100, 1);
      default -> {}
    }
    if (holders >= 2 && !holderIsEnterprise[holders - 1] && h.u(CityModel.S_SHARE, i, 6) < 0.05) {
      LocalDate from = registeredOn.plusYears(1);
      if (from.isBefore(CityModel.LAST_DAY)) {
        exitHolder = holders - 1;
        exitOn = m.dateBetween(from, CityModel.LAST_DAY, CityModel.S_SHARE, i, 7);
        successor = m.adultBusinessPerson(CityModel.S_SHARE, i, 8, exitOn);
        if (successor == holder[exitHolder]) {
          exitHolder = -1;
        }
      }
    }
  }

  private int firstPersonHolder() {
    for (int k = 0; k < holders; k++) {
      if (!holderIsEnterprise[k]) {
        return k;
      }
    }
    return 0;
  }

  private void addPersons(CityModel m, int i, int rest, int count) {
    int[] split =
        switch (count) {
          case 1 -> new int[] {rest};
          case 2 -> {
            int a = Math.max(1, rest * (50 + 10 * m.h.below(CityModel.S_SHARE, i, 9, 5)) / 100);
            yield a >= rest ? new int[] {rest} : new int[] {a, rest - a};
          }
          default -> {
            int a = Math.max(1, rest / 2);
            int b = Math.max(1, rest * 3 / 10);
            yield a + b >= rest ? new int[] {rest} : new int[] {a, b, rest - a - b};
          }
        };
    for (int k = 0; k < split.length && holders < MAX_HOLDERS; k++) {
      int p =
          k == 0 && m.h.u(CityModel.S_SHARE, i, 10) < 0.7
              ? rep
              : m.adultBusinessPerson(CityModel.S_SHARE, i, 11 + k, registeredOn);
      if (containsPerson(p)) {
        continue;
      }
      holderIsEnterprise[holders] = false;
      holder[holders] = p;
      holderPercent[holders] = split[k];
      holders++;
    }
  }

  private boolean containsPerson(int p) {
    for (int k = 0; k < holders; k++) {
      if (!holderIsEnterprise[k] && holder[k] == p) {
        return true;
      }
    }
    return false;
  }

  private void addEnterprise(int owner, int pct) {
    if (owner == index || holders >= MAX_HOLDERS) {
      return;
    }
    holderIsEnterprise[holders] = true;
    holder[holders] = owner;
    holderPercent[holders] = pct;
    holders++;
  }

  /** An earlier company outside groups (a holding), or -1. */
  private static int earlierCompany(CityModel m, int i) {
    if (i < 2) {
      return -1;
    }
    int j = i - 1 - m.h.below(CityModel.S_SHARE, i, 12, Math.min(i - 1, 20000));
    while (j > 0 && (m.form(j) != LegalForm.COMPANY || m.groupHead(j) >= 0)) {
      j--;
    }
    return j == i ? -1 : j;
  }
}
